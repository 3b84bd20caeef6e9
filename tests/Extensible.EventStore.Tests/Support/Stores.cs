using Npgsql;

namespace Extensible.EventStore.Tests.Support;

/// <summary>Builds migrated stores over a test database; disposes what it built.</summary>
public sealed class Stores(string connectionString) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private readonly List<ProjectionDaemon> _daemons = [];

    public string ConnectionString => connectionString;

    public static EventStoreOptions Options(Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions { PollInterval = TimeSpan.FromMilliseconds(100), LeaderRetryInterval = TimeSpan.FromMilliseconds(200), ProjectionBatchSize = 100 };
        options.Events
            .Register("comment_received", TestEventsJsonContext.Default.CommentReceived)
            .Register("comment_hidden", TestEventsJsonContext.Default.CommentHidden)
            .Register("post_scheduled", TestEventsJsonContext.Default.PostScheduled);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A migrated store with its own data source (as a separate node would have).</summary>
    public async Task<EventStore> StoreAsync(Action<EventStoreOptions>? configure = null, string? connection = null)
    {
        var dataSource = NpgsqlDataSource.Create(connection ?? connectionString);
        _dataSources.Add(dataSource);
        var store = new EventStore(dataSource, Options(configure));
        await store.MigrateAsync();
        return store;
    }

    public async Task<ProjectionDaemon> DaemonAsync(EventStore store)
    {
        var daemon = new ProjectionDaemon(store);
        _daemons.Add(daemon);
        await daemon.StartAsync();
        return daemon;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in _daemons)
        {
            await daemon.DisposeAsync();
        }

        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
