using System.Net.Sockets;
using Npgsql;

namespace Extensible.EmbeddedPostgres;

/// <summary>What the launcher does over a connection: wait for the server, create the database, set the password.</summary>
internal static class ServerConnections
{
    // The server is still starting up or recovering: keep trying.
    private const string CannotConnectNow = "57P03";

    /// <summary>Waits until a real session works, not just until pg_ctl reports the server ready.</summary>
    public static async Task WaitUntilAcceptingAsync(string connectionString, DateTime deadline, Func<string> describeFailure, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState != CannotConnectNow)
            {
                throw new EmbeddedPostgresException(
                    $"PostgreSQL started but refused the launcher's connection: {e.MessageText}. If the cluster was created with " +
                    $"another user name, configure that one, or move the data folder away to start afresh. {describeFailure()}", e);
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new EmbeddedPostgresException(
                        $"PostgreSQL did not accept connections in time ({e.Message}). {describeFailure()}", e);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    /// <summary>Creates the database unless it exists; returns whether it did.</summary>
    public static async Task<bool> EnsureDatabaseAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets the password that loopback TCP connections must give (Unix socket connections are trusted).</summary>
    public static async Task SetPasswordAsync(string connectionString, string user, string password, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Utility statements take no parameters; the password is generated base64url, so it needs no escaping beyond this.
        await using var command = new NpgsqlCommand(
            $"ALTER ROLE {QuoteIdentifier(user)} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
