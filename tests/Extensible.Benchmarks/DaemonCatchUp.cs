using System.Diagnostics;
using Extensible.Benchmarks.Inbox;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// (e) How fast Marten's async daemon catches up: 200,000 events stored first, then a daemon started for one trivial
/// async projection, timed until the projection's progression reaches the store's last sequence.
/// </summary>
internal static class DaemonCatchUp
{
    public const string Schema = "bench_store_daemon";
    public const int Events = 200_000;
    public const string ProjectionName = "bench_count";

    public static async Task<DaemonResult> RunAsync(NpgsqlDataSource dataSource, InboxWorkload workload, ILogger logger, CancellationToken cancellationToken)
    {
        var projection = new CountingProjection();
        var store = await EventStoreScenarios.CreateMartenAsync(dataSource, EventStoreScenarios.Options(Schema),
            marten => marten.Projections.Add(projection, ProjectionLifecycle.Async, ProjectionName));

        // Stored through Marten's batched append, 500 per transaction, in streams of 500 (the (b) shape).
        var items = workload.Cursor(0);
        for (var batch = 0; batch < Events / InboxWorkload.BatchSize; batch++)
        {
            await using var session = store.LightweightSession(InboxWorkload.Tenant);
            session.Events.Append(InboxWorkload.BatchStream("daemon", 0, batch),
                Enumerable.Range(0, InboxWorkload.BatchSize).Select(_ => (object)items.Next()));
            await session.SaveChangesAsync(cancellationToken);
        }

        var last = await LastSequenceAsync(dataSource, cancellationToken);
        await EventStoreBenchmark.CheckpointAsync(dataSource, cancellationToken);

        using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
        var clock = Stopwatch.StartNew();
        await daemon.StartAllAsync();
        TimeSpan? first = null, tenth = null, ninetieth = null;
        for (var progress = 0L; progress < last; progress = await ProgressAsync(store, cancellationToken))
        {
            // When the first events were projected, and the pace between 10 % and 90 %: what start-up costs apart.
            first ??= progress > 0 ? clock.Elapsed : null;
            tenth ??= progress >= last / 10 ? clock.Elapsed : null;
            ninetieth ??= progress >= last * 9 / 10 ? clock.Elapsed : null;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        var elapsed = clock.Elapsed;
        first ??= elapsed;
        tenth ??= elapsed;
        ninetieth ??= elapsed;
        await daemon.StopAllAsync();
        if (projection.Applied != Events)
        {
            throw new InvalidOperationException($"The projection applied {projection.Applied} events, not {Events}.");
        }

        return new DaemonResult(Events, elapsed, first.Value, tenth.Value, ninetieth.Value);
    }

    private static async Task<long> ProgressAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var shards = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        return shards.Where(s => s.ShardName.StartsWith(ProjectionName, StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();
    }

    private static async Task<long> LastSequenceAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select max(seq_id) from {Schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Counts what it is given, in memory: the daemon's own work (loading, batching, progression) is what is timed.</summary>
    private sealed class CountingProjection : IProjection
    {
        private long _applied;

        public long Applied => Interlocked.Read(ref _applied);

        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            Interlocked.Add(ref _applied, events.Count);
            return Task.CompletedTask;
        }
    }
}

/// <summary>What the daemon catch-up measured.</summary>
/// <param name="FirstProgress">From the daemon's start until the projection's progression first moved.</param>
/// <param name="Tenth">From the daemon's start until the progression reached 10 % of the events.</param>
/// <param name="Ninetieth">From the daemon's start until the progression reached 90 % of the events.</param>
internal sealed record DaemonResult(long Events, TimeSpan Elapsed, TimeSpan FirstProgress, TimeSpan Tenth, TimeSpan Ninetieth)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double MiddleEventsPerSecond => Events * 0.8 / (Ninetieth - Tenth).TotalSeconds;
}
