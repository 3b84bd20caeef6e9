using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Extensible.Testing;

using Extensible.EmbeddedPostgres;

/// <summary>
/// The tests' PostgreSQL. With <c>EXTENSIBLE_TEST_DB</c> set, that connection string names a server where tests may
/// create databases; otherwise each test process starts one embedded server (fsync off) under /tmp, on first use, and
/// stops it at exit. When no server can be had, the tests fail with the reason — they never skip.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable naming an existing server for the tests.</summary>
    public const string ServerVariable = "EXTENSIBLE_TEST_DB";

    private static readonly Lazy<Task<TestServer>> SharedServer = new(StartSharedServerAsync);
    private static readonly List<EmbeddedPostgres> PrivateServers = [];
    private static int exitHookInstalled;

    /// <summary>Server settings for test clusters: no durability (a crashed test cluster is thrown away), many connections.</summary>
    public static IReadOnlyDictionary<string, string> FastSettings { get; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
    };

    /// <summary>
    /// Creates a brand-new empty database on the test server and returns a connection string to it. Its name is the
    /// prefix (lower-cased, made a safe identifier) and a random suffix, at most 63 characters.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string namePrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        var server = await SharedServer.Value.WaitAsync(ct);
        var name = TestDatabaseNames.New(namePrefix);
        await using (var connection = await server.OpenAdminConnectionAsync(ct))
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        server.Created(name);
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Starts a dedicated embedded server in a fresh folder of its own, for tests that stop or restart PostgreSQL and
    /// must not disturb others. Dispose it when done; whatever is left is stopped and removed at process exit.
    /// </summary>
    public static async Task<EmbeddedPostgres> StartPrivateServerAsync(string name, CancellationToken ct = default)
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = NewDataDirectory(name) };
        foreach (var setting in FastSettings)
        {
            options.Settings.Add(setting);
        }

        var server = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, ct);
        lock (PrivateServers)
        {
            PrivateServers.Add(server);
        }

        return server;
    }

    /// <summary>
    /// A new empty folder under /tmp for a test's own <see cref="EmbeddedPostgres"/>. At process exit any server still
    /// running in it is stopped and the folder removed; a later run removes what a crashed run left.
    /// </summary>
    public static string NewDataDirectory(string name)
    {
        InstallExitHook();
        return TestFolders.ClaimPrivate(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    internal static async Task DropDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var server = await SharedServer.Value.WaitAsync(ct);
        await using var connection = await server.OpenAdminConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(ct);
        server.Dropped(name!);
    }

    private static async Task<TestServer> StartSharedServerAsync()
    {
        InstallExitHook();
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured)
        {
            return new TestServer(configured, embedded: null);
        }

        var options = new EmbeddedPostgresOptions { DataDirectory = TestFolders.ClaimShared() };
        foreach (var setting in FastSettings)
        {
            options.Settings.Add(setting);
        }

        EmbeddedPostgres embedded;
        try
        {
            embedded = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        }
        catch (EmbeddedPostgresException e)
        {
            throw new InvalidOperationException(
                $"The tests need PostgreSQL and could not start their own: {e.Message} " +
                $"(Or set {ServerVariable} to a connection string of a server where the tests may create databases.)", e);
        }

        var server = new TestServer(embedded.ConnectionString, embedded);
        await server.DropDatabasesOfEarlierRunsAsync(options.Database);
        return server;
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    StopAllAsync().GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is EmbeddedPostgresException or NpgsqlException or InvalidOperationException or IOException or TimeoutException)
                {
                    // A server left running is stopped by the next run; say so rather than crash the exit.
                    Console.Error.WriteLine($"Could not stop the test PostgreSQL cleanly: {e.Message}");
                }
            };
        }
    }

    private static async Task StopAllAsync()
    {
        EmbeddedPostgres[] servers;
        lock (PrivateServers)
        {
            servers = [.. PrivateServers];
        }

        var stops = servers.Select(s => s.StopAsync()).ToList();
        if (SharedServer.IsValueCreated && SharedServer.Value.IsCompletedSuccessfully)
        {
            var shared = await SharedServer.Value;
            // An embedded server is dropped whole at its next start; a configured one keeps what is not dropped now.
            stops.Add(shared.Embedded is { } embedded ? embedded.StopAsync() : shared.DropCreatedDatabasesAsync());
        }

        try
        {
            await Task.WhenAll(stops).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await TestFolders.ReleaseAllAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
