using Extensible.Benchmarks.Inbox;
using Extensible.EventStore;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// The event store writing the baselines' events, each scenario into a fresh store schema of its own so that it
/// starts from empty tables as the baselines do.
/// </summary>
internal sealed class EventStoreScenarios(NpgsqlDataSource dataSource, InboxWorkload workload)
{
    public const string BatchedSchema = "bench_store_batched";
    public const string SingleSchema = "bench_store_single";

    public static IReadOnlyList<string> Schemas { get; } = [BatchedSchema, SingleSchema];

    /// <summary>(b) 500 events per AppendAsync, to a new stream each time (expected version: no stream).</summary>
    public async Task<Scenario> BatchedAppendsAsync(CancellationToken cancellationToken)
    {
        var store = await CreateStoreAsync(BatchedSchema, cancellationToken);
        return new Scenario($"(b) event store, {InboxWorkload.BatchSize} events per AppendAsync", 1, writer =>
        {
            var items = workload.Cursor(writer);
            var batches = 0;
            return async cancellationToken =>
            {
                var events = new NewEvent[InboxWorkload.BatchSize];
                for (var i = 0; i < events.Length; i++)
                {
                    events[i] = NewEvent.For(items.Next());
                }

                var stream = InboxWorkload.BatchStream("store", writer, batches++);
                await store.AppendAsync([new StreamAppend(stream, ExpectedVersion.NoStream, events)], cancellationToken: cancellationToken);
                return events.Length;
            };
        });
    }

    /// <summary>(d) One event per AppendAsync from 16 writers, each to conversations of its own, with exact expected versions.</summary>
    public async Task<Scenario> SingleAppendsAsync(CancellationToken cancellationToken)
    {
        var store = await CreateStoreAsync(SingleSchema, cancellationToken);
        return new Scenario($"(d) event store single appends, {InboxWorkload.ConcurrentWriters} writers", InboxWorkload.ConcurrentWriters, writer =>
        {
            var items = workload.Cursor(writer);
            var conversation = 0;
            var version = 0L;
            return async cancellationToken =>
            {
                if (version == InboxWorkload.EventsPerConversation)
                {
                    conversation++;
                    version = 0;
                }

                var stream = InboxWorkload.ConversationStream("store", writer, conversation);
                await store.AppendAsync([new StreamAppend(stream, version, [NewEvent.For(items.Next())])], cancellationToken: cancellationToken);
                version++;
                return 1;
            };
        });
    }

    public async Task DropSchemasAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in Schemas)
        {
            await using var command = dataSource.CreateCommand($"drop schema if exists {schema} cascade");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<EventStore.EventStore> CreateStoreAsync(string schema, CancellationToken cancellationToken)
    {
        var options = new EventStoreOptions { Schema = schema, RunDaemon = false };
        options.Events.Register(InboxWorkload.EventType, InboxJsonContext.Default.InboxItemReceived);
        var store = new EventStore.EventStore(dataSource, options);
        await store.MigrateAsync(cancellationToken);
        return store;
    }
}
