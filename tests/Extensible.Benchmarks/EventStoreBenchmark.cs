using System.Globalization;
using Extensible.Benchmarks.Inbox;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// <c>eventstore</c>: how fast the event store writes inbox-sized events next to plain Npgsql doing the same writes,
/// batched and as concurrent single commits, one scenario after another against one PostgreSQL.
/// </summary>
internal static class EventStoreBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(ILoggerFactory loggerFactory, TextWriter output, CancellationToken cancellationToken)
    {
        var items = InboxEventGenerator.Generate(10_000);
        var sizes = items.Select(InboxEventGenerator.JsonSize).ToArray();
        var workload = new InboxWorkload(items);

        await using var database = await BenchmarkDatabase.StartAsync(loggerFactory.CreateLogger("Extensible.EmbeddedPostgres"), cancellationToken);
        var raw = new RawBaselines(database.DataSource, workload);
        var store = new EventStoreScenarios(database.DataSource, workload);

        output.WriteLine($"Extensible event store write benchmark — {database.Description}");
        output.WriteLine($"server: {await database.DescribeDurabilityAsync(cancellationToken)}; client: {Environment.ProcessorCount} cores");
        output.WriteLine(Invariant($"events: {items.Count} distinct inbox items (seed {InboxEventGenerator.Seed}), JSON {sizes.Min()}–{sizes.Max()} bytes, mean {sizes.Average():F0}"));
        output.WriteLine("raw baselines write into bench_raw tables with the same columns and indexes as the store's events table;");
        output.WriteLine($"the store writes into fresh schemas of its own ({string.Join(", ", EventStoreScenarios.Schemas)}).");
        output.WriteLine("(b) appends to a new stream per batch with ExpectedVersion.NoStream; (d) appends with the exact expected version,");
        output.WriteLine(Invariant($"each writer to conversations of its own ({InboxWorkload.EventsPerConversation} events each). Warm-up {WarmUp.TotalSeconds:F0} s, timed {Measure.TotalSeconds:F0} s per scenario."));

        try
        {
            await store.DropSchemasAsync(cancellationToken);
            await raw.CreateTablesAsync(cancellationToken);
            var runner = new ScenarioRunner(WarmUp, Measure);
            var results = new List<ScenarioResult>();
            async Task<ScenarioResult> Run(Scenario scenario)
            {
                await CheckpointAsync(database.DataSource, cancellationToken);
                output.WriteLine($"running {scenario.Name} ...");
                var result = await runner.RunAsync(scenario, cancellationToken);
                results.Add(result);
                return result;
            }

            var rawBatched = await Run(raw.BatchedInsert());
            await Run(raw.BinaryCopy());
            var storeBatched = await Run(await store.BatchedAppendsAsync(cancellationToken));
            var rawSingle = await Run(raw.SingleInserts());
            var storeSingle = await Run(await store.SingleAppendsAsync(cancellationToken));

            Report.PrintTable(output, results);
            output.WriteLine(Report.ResultLine(rawBatched, storeBatched, rawSingle, storeSingle));
            return 0;
        }
        finally
        {
            await store.DropSchemasAsync(CancellationToken.None);
            await raw.DropTablesAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts each scenario with no dirty pages left by the one before, so none pays for another's checkpoint.</summary>
    private static async Task CheckpointAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("checkpoint");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A configured server may not let us; the scenarios then share its checkpoints.
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
