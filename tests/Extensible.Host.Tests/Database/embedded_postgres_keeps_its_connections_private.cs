using Npgsql;
using System.Runtime.Versioning;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

[SupportedOSPlatform("linux")]
public sealed class embedded_postgres_keeps_its_connections_private
{
    [Fact]
    public async Task the_socket_folder_and_password_file_are_private_and_tcp_listens_on_loopback_only()
    {
        var options = FreshCluster("private");
        await using var server = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(server.SocketDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(options.DataDirectory, "postgres.password")));
        Assert.Equal("127.0.0.1", await QueryAsync<string>(server.ConnectionString, "SHOW listen_addresses"));
    }

    [Fact]
    public async Task loopback_tcp_needs_the_generated_password()
    {
        var options = FreshCluster("password");
        await using var server = await EmbeddedPostgres.StartAsync(options, new RecordingLogger());
        var password = await File.ReadAllTextAsync(Path.Combine(options.DataDirectory, "postgres.password"));
        string Tcp(string pw) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = server.Port, Username = "extensible", Database = "extensible", Password = pw, Pooling = false,
        }.ConnectionString;

        Assert.Equal(1, await QueryAsync<int>(Tcp(password), "SELECT 1"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync<int>(Tcp("guessed"), "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [Fact]
    public async Task a_data_folder_too_long_for_a_unix_socket_gets_its_socket_under_tmp()
    {
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(Extensible.Testing.TestPostgres.NewDataDirectory("long"), new string('d', 90)),
        }.Fast();

        string socketDirectory;
        await using (var server = await EmbeddedPostgres.StartAsync(options, new RecordingLogger()))
        {
            socketDirectory = server.SocketDirectory;
            Assert.StartsWith("/tmp/extensible-", socketDirectory, StringComparison.Ordinal);
            Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1"));
        }

        Assert.False(Directory.Exists(socketDirectory), "the socket folder outside the data folder is removed at stop");
    }
}
