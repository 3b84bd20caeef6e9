using Extensible.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EventStore.Tests.Support;

/// <summary>
/// One node of the product's event store over a test database, built the way the host builds it: a data source whose
/// search path is the store's schema, <c>AddEventStore</c>, projections through <c>ConfigureMarten</c>, hosted services
/// started (schema applied, Marten's hot/cold daemon, notifications).
/// </summary>
public sealed class StoreNode : IAsyncDisposable
{
    public const string Schema = "extensible";

    private readonly IHost _host;
    private bool _stopped;

    private StoreNode(IHost host, RecordedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public EventStore Store => _host.Services.GetRequiredService<EventStore>();

    public IDocumentStore Marten => Store.Marten;

    /// <summary>What this node logged at warning or above.</summary>
    public RecordedLogs Logs { get; }

    /// <summary>The three test event types, with short polling and leadership intervals, as a node sees them by default.</summary>
    public static void Defaults(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PollInterval = TimeSpan.FromMilliseconds(100);
        options.LeaderRetryInterval = TimeSpan.FromMilliseconds(200);
        options.Events
            .Register("comment_received", TestEventsJsonContext.Default.CommentReceived)
            .Register("comment_hidden", TestEventsJsonContext.Default.CommentHidden)
            .Register("post_scheduled", TestEventsJsonContext.Default.PostScheduled);
    }

    public static async Task<StoreNode> StartAsync(string connectionString, Action<StoreOptions>? marten = null, Action<EventStoreOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var logs = new RecordedLogs();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        builder.Services.AddSingleton(_ => DataSource(connectionString));
        builder.Services.AddEventStore(options =>
        {
            Defaults(options);
            configure?.Invoke(options);
        });
        if (marten is not null)
        {
            builder.Services.ConfigureMarten(marten);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new StoreNode(host, logs);
    }

    /// <summary>Stops the node's hosted services (its daemon lets go of leadership); the node stays readable.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    /// <summary>A data source like the host's: read models are named without their schema.</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString).UseEventStoreSettings();
        builder.ConnectionStringBuilder.SearchPath = Schema;
        return builder.Build();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = DataSource(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = DataSource(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// How many events the product stored: Marten settles the sequence numbers a failed append took with a tombstone
    /// event in a stream of its own, which no reader of the product sees.
    /// </summary>
    public static Task<long> EventCountAsync(string connectionString) =>
        ScalarAsync<long>(connectionString, "select count(*) from mt_events where stream_id <> 'mt_tombstone'");

    /// <summary>Every event in store-wide order, page by page.</summary>
    public static async Task<List<StoredEvent>> ReadEverythingAsync(EventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<StoredEvent>();
        long after = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(after, 500);
            if (page.Events.Count == 0)
            {
                return all;
            }

            all.AddRange(page.Events);
            after = page.Events[^1].Sequence;
        }
    }

    /// <summary>A fresh database of its own for one test, on the shared test server.</summary>
    public static Task<string> NewDatabaseAsync(string name) => TestPostgres.CreateDatabaseAsync(name);
}
