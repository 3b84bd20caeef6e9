using System.Diagnostics;
using Extensible.Testing;
using Npgsql;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

/// <summary>Small helpers for the launcher's tests.</summary>
internal static class EmbeddedPostgresTestKit
{
    /// <summary>Options for a cluster in a fresh folder of its own, with the test servers' speed settings.</summary>
    public static EmbeddedPostgresOptions FreshCluster(string name) => new EmbeddedPostgresOptions { DataDirectory = TestPostgres.NewDataDirectory(name) }.Fast();

    public static EmbeddedPostgresOptions Fast(this EmbeddedPostgresOptions options)
    {
        foreach (var setting in TestPostgres.FastSettings)
        {
            options.Settings[setting.Key] = setting.Value;
        }

        return options;
    }

    public static async Task<T> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The PID of a process that has run and exited.</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start("/bin/true");
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>The PID in the cluster's postmaster.pid: the running server's.</summary>
    public static int ServerProcessId(EmbeddedPostgres server) =>
        int.Parse(File.ReadLines(Path.Combine(server.ClusterDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every file below the folder with its contents, to show that nothing was changed.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => p, p => File.Exists(p) ? File.ReadAllText(p) : "<dir>");
}
