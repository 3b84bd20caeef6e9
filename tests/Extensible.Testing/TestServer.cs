using System.Collections.Concurrent;
using Npgsql;

namespace Extensible.Testing;

using Extensible.EmbeddedPostgres;

/// <summary>The server the tests create their databases on, and the embedded server behind it if there is one.</summary>
internal sealed class TestServer(string adminConnectionString, EmbeddedPostgres? embedded)
{
    private readonly ConcurrentDictionary<string, bool> databases = new();

    public string AdminConnectionString => adminConnectionString;

    public EmbeddedPostgres? Embedded => embedded;

    public void Created(string database) => databases[database] = true;

    public void Dropped(string database) => databases.TryRemove(database, out _);

    /// <summary>Drops the databases this process made and has not dropped yet.</summary>
    public async Task DropCreatedDatabasesAsync()
    {
        if (databases.IsEmpty)
        {
            return;
        }

        await using var connection = await OpenAdminConnectionAsync(CancellationToken.None);
        foreach (var name in databases.Keys)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (NpgsqlException e) when (Embedded is null)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"{TestPostgres.ServerVariable} names a PostgreSQL server the tests cannot use: {e.Message}. Fix the connection " +
                "string, or unset the variable to let the tests start their own PostgreSQL.", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The embedded cluster is reused across runs and this process holds it alone: drop what earlier runs left.</summary>
    public async Task DropDatabasesOfEarlierRunsAsync(string keep)
    {
        await using var connection = await OpenAdminConnectionAsync(CancellationToken.None);
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1', $1)", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = keep });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE {Quote(name)} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
