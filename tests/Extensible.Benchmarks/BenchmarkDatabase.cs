using System.Globalization;
using Extensible.EmbeddedPostgres;
using Microsoft.Extensions.Logging;
using Extensible.EventStore;
using Npgsql;
using EmbeddedServer = Extensible.EmbeddedPostgres.EmbeddedPostgres;

namespace Extensible.Benchmarks;

/// <summary>
/// The PostgreSQL a run measures: the server named by <c>EXTENSIBLE_BENCH_DB</c>, or else a fresh embedded cluster in a
/// temporary folder with PostgreSQL's default, durable settings, stopped and removed when the run ends.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "EXTENSIBLE_BENCH_DB";

    private readonly EmbeddedServer? _embedded;
    private readonly string? _folder;

    private BenchmarkDatabase(NpgsqlDataSource dataSource, string description, EmbeddedServer? embedded, string? folder)
    {
        DataSource = dataSource;
        Description = description;
        _embedded = embedded;
        _folder = folder;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the server is: the embedded cluster's folder or the configured host.</summary>
    public string Description { get; }

    public static async Task<BenchmarkDatabase> StartAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            return new BenchmarkDatabase(Build(configured), $"{ConnectionVariable}: {builder.Host}:{builder.Port}/{builder.Database}", null, null);
        }

        // A folder that does not exist yet: the launcher creates it so that the postgres account can enter it when we run as root.
        var folder = Path.Combine(Path.GetTempPath(), "extensible-bench-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        try
        {
            var embedded = await EmbeddedServer.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder }, logger, cancellationToken);
            return new BenchmarkDatabase(Build(embedded.ConnectionString), $"embedded PostgreSQL {embedded.MajorVersion} in {folder}", embedded, folder);
        }
        catch
        {
            RemoveFolder(folder);
            throw;
        }
    }

    /// <summary>The data source the host builds: the raw baselines and the store share it, and its settings.</summary>
    private static NpgsqlDataSource Build(string connectionString) => new NpgsqlDataSourceBuilder(connectionString).UseEventStoreSettings().Build();

    /// <summary>The server settings that decide how much a commit costs.</summary>
    public async Task<string> DescribeDurabilityAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "select format('fsync=%s synchronous_commit=%s wal_sync_method=%s full_page_writes=%s shared_buffers=%s max_wal_size=%s', " +
            "current_setting('fsync'), current_setting('synchronous_commit'), current_setting('wal_sync_method'), " +
            "current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('max_wal_size'))");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_embedded is not null)
        {
            await _embedded.StopAsync();
            RemoveFolder(_folder!);
        }
    }

    private static void RemoveFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
