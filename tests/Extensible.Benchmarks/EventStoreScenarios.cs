using Extensible.Benchmarks.Inbox;
using Extensible.EventStore;
using Extensible.EventStore.Configuration;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Benchmarks;

/// <summary>
/// Marten, configured as the host configures it (<see cref="MartenConfiguration"/>), writing the baselines' events,
/// each scenario into a store schema of its own.
/// </summary>
internal sealed class EventStoreScenarios
{
    public const string BatchedSchema = "bench_store_batched";
    public const string SingleSchema = "bench_store_single";

    private readonly InboxWorkload _workload;
    private readonly IDocumentStore _batched;
    private readonly EventStore.EventStore _single;

    private EventStoreScenarios(InboxWorkload workload, IDocumentStore batched, EventStore.EventStore single)
    {
        _workload = workload;
        _batched = batched;
        _single = single;
    }

    public static IReadOnlyList<string> Schemas { get; } = [BatchedSchema, SingleSchema, DaemonCatchUp.Schema];

    /// <summary>Makes the two stores' schemas, as the host does at start-up.</summary>
    public static async Task<EventStoreScenarios> CreateAsync(NpgsqlDataSource dataSource, InboxWorkload workload, ILogger logger)
    {
        var batched = await CreateMartenAsync(dataSource, Options(BatchedSchema));
        var singleOptions = Options(SingleSchema);
        var single = new EventStore.EventStore(await CreateMartenAsync(dataSource, singleOptions), dataSource, singleOptions, logger);
        return new EventStoreScenarios(workload, batched, single);
    }

    /// <summary>
    /// (b) 500 events per <c>SaveChangesAsync</c> through Marten's <c>session.Events.Append(stream, events)</c> (quick
    /// append mode), to a new stream each time.
    /// </summary>
    public Scenario BatchedAppends(int round) => new($"(b) Marten Events.Append of {InboxWorkload.BatchSize} events", 1, writer =>
    {
        var items = _workload.Cursor(writer);
        var batches = 0;
        return async cancellationToken =>
        {
            var events = new object[InboxWorkload.BatchSize];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = items.Next();
            }

            await using var session = _batched.LightweightSession(InboxWorkload.Tenant);
            session.Events.Append(InboxWorkload.BatchStream($"store{round}", writer, batches++), events);
            await session.SaveChangesAsync(cancellationToken);
            return events.Length;
        };
    });

    /// <summary>
    /// (d) One event per <see cref="EventStore.EventStore.AppendAsync(IReadOnlyList{StreamAppend}, EventMetadata?, CancellationToken)"/>
    /// (a Marten session each) from 16 writers, each to conversations of its own, with exact expected versions.
    /// </summary>
    public Scenario SingleAppends(int round) => new($"(d) EventStore.AppendAsync, 1 event, {InboxWorkload.ConcurrentWriters} writers", InboxWorkload.ConcurrentWriters, writer =>
    {
        var items = _workload.Cursor(writer);
        var conversation = 0;
        var version = 0L;
        return async cancellationToken =>
        {
            if (version == InboxWorkload.EventsPerConversation)
            {
                conversation++;
                version = 0;
            }

            var stream = InboxWorkload.ConversationStream($"store{round}", writer, conversation);
            await _single.AppendAsync([new StreamAppend(stream, version, [NewEvent.For(items.Next())])], cancellationToken: cancellationToken);
            version++;
            return 1;
        };
    });

    public static async Task DropSchemasAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        foreach (var schema in Schemas)
        {
            await using var command = dataSource.CreateCommand($"drop schema if exists {schema} cascade");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The store's settings with the benchmark's one event type.</summary>
    public static EventStoreOptions Options(string schema)
    {
        var options = new EventStoreOptions { Schema = schema, RunDaemon = false };
        options.Events.Register(InboxWorkload.EventType, InboxJsonContext.Default.InboxItemReceived);
        return options;
    }

    /// <summary>Marten's store as the host builds it, with its schema brought up to date.</summary>
    public static async Task<IDocumentStore> CreateMartenAsync(NpgsqlDataSource dataSource, EventStoreOptions options, Action<StoreOptions>? configure = null)
    {
        var marten = MartenConfiguration.Build(dataSource, options);
        configure?.Invoke(marten);
        var store = new DocumentStore(marten);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
        return store;
    }
}
