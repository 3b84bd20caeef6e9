using System.Globalization;
using Extensible.Benchmarks.Inbox;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// <c>eventstore</c>: how fast Marten, configured as the host configures it, writes inbox-sized events next to plain
/// Npgsql doing the same writes, batched and as concurrent single commits, in interleaved rounds against one
/// PostgreSQL (so the machine's other load falls on both sides alike); then how fast Marten's async daemon catches up.
/// </summary>
internal static class EventStoreBenchmark
{
    private const int Rounds = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(ILoggerFactory loggerFactory, TextWriter output, CancellationToken cancellationToken)
    {
        var items = InboxEventGenerator.Generate(10_000);
        var sizes = items.Select(InboxEventGenerator.JsonSize).ToArray();
        var workload = new InboxWorkload(items);
        var logger = loggerFactory.CreateLogger("Extensible.EventStore");

        await using var database = await BenchmarkDatabase.StartAsync(loggerFactory.CreateLogger("Extensible.EmbeddedPostgres"), cancellationToken);
        var raw = new RawBaselines(database.DataSource, workload);

        output.WriteLine($"Extensible event store (Marten) write benchmark — {database.Description}");
        output.WriteLine($"server: {await database.DescribeDurabilityAsync(cancellationToken)}; client: {Environment.ProcessorCount} cores");
        output.WriteLine(Invariant($"data source: the host's (UseEventStoreSettings: Max Auto Prepare={new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).MaxAutoPrepare}), shared by the raw baselines and the store"));
        output.WriteLine(Invariant($"events: {items.Count} distinct inbox items (seed {InboxEventGenerator.Seed}), JSON {sizes.Min()}–{sizes.Max()} bytes, mean {sizes.Average():F0}"));
        output.WriteLine("raw baselines write into bench_raw tables (seq, unique id, unique tenant/stream/version, tenant/seq index);");
        output.WriteLine($"Marten writes into schemas of its own ({string.Join(", ", EventStoreScenarios.Schemas)}), configured by MartenConfiguration (quick appends).");
        output.WriteLine("(b) Marten session.Events.Append of 500 events to a new stream per SaveChanges; (d) EventStore.AppendAsync of one event with");
        output.WriteLine(Invariant($"the exact expected version, each writer to conversations of its own ({InboxWorkload.EventsPerConversation} events each)."));
        output.WriteLine(Invariant($"{Rounds} interleaved rounds; warm-up {WarmUp.TotalSeconds:F0} s, timed {Measure.TotalSeconds:F0} s per scenario and round. (e) daemon catch-up over {DaemonCatchUp.Events} events."));

        try
        {
            await EventStoreScenarios.DropSchemasAsync(database.DataSource, cancellationToken);
            await raw.CreateTablesAsync(cancellationToken);
            var store = await EventStoreScenarios.CreateAsync(database.DataSource, workload, logger);
            var runner = new ScenarioRunner(WarmUp, Measure);
            var results = new List<ScenarioResult>();
            var rounds = new List<(ScenarioResult RawBatched, ScenarioResult StoreBatched, ScenarioResult RawSingle, ScenarioResult StoreSingle)>();
            async Task<ScenarioResult> Run(int round, Scenario scenario)
            {
                await CheckpointAsync(database.DataSource, cancellationToken);
                output.WriteLine($"round {round}: running {scenario.Name} ...");
                var result = await runner.RunAsync(scenario, cancellationToken);
                results.Add(result with { Name = Invariant($"{round} {result.Name}") });
                return result;
            }

            for (var round = 1; round <= Rounds; round++)
            {
                var rawBatched = await Run(round, raw.BatchedInsert(round));
                await Run(round, raw.BinaryCopy(round));
                var storeBatched = await Run(round, store.BatchedAppends(round));
                var rawSingle = await Run(round, raw.SingleInserts(round));
                var storeSingle = await Run(round, store.SingleAppends(round));
                rounds.Add((rawBatched, storeBatched, rawSingle, storeSingle));
            }

            await CheckpointAsync(database.DataSource, cancellationToken);
            output.WriteLine($"(e) storing {DaemonCatchUp.Events} events, then starting Marten's async daemon ...");
            var daemon = await DaemonCatchUp.RunAsync(database.DataSource, workload, logger, cancellationToken);

            Report.PrintTable(output, results);
            foreach (var (round, r) in rounds.Index())
            {
                output.WriteLine(Invariant($"round {round + 1}: batched_ratio={Report.Ratio(r.StoreBatched, r.RawBatched):F2} single_ratio={Report.Ratio(r.StoreSingle, r.RawSingle):F2}"));
            }

            output.WriteLine(Invariant($"(e) Marten async daemon, trivial projection: {daemon.Events} events caught up in {daemon.Elapsed.TotalSeconds:F2} s; progression first moved after {daemon.FirstProgress.TotalSeconds:F2} s,"));
            output.WriteLine(Invariant($"    reached 10 % after {daemon.Tenth.TotalSeconds:F2} s, 90 % after {daemon.Ninetieth.TotalSeconds:F2} s (10 %–90 % at {daemon.MiddleEventsPerSecond:F0} events/s)"));
            output.WriteLine();
            output.WriteLine(Report.ResultLine(
                ScenarioResult.Combine(rounds.Select(r => r.RawBatched)), ScenarioResult.Combine(rounds.Select(r => r.StoreBatched)),
                ScenarioResult.Combine(rounds.Select(r => r.RawSingle)), ScenarioResult.Combine(rounds.Select(r => r.StoreSingle)), daemon));
            return 0;
        }
        finally
        {
            await EventStoreScenarios.DropSchemasAsync(database.DataSource, CancellationToken.None);
            await raw.DropTablesAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts each scenario with no dirty pages left by the one before, so none pays for another's checkpoint.</summary>
    internal static async Task CheckpointAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
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
