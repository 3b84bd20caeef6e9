using System.Net;
using System.Net.Sockets;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_handles_a_taken_port
{
    [Fact]
    public async Task a_fixed_port_already_in_use_gives_a_clear_message()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var options = new EmbeddedPostgresOptions { DataDirectory = Extensible.Testing.TestPostgres.NewDataDirectory("fixed-port"), Port = port }.Fast();

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", failure.Message, StringComparison.Ordinal);
        Assert.Contains("port 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_free_port_taken_before_postgresql_binds_it_is_replaced_by_another()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var picks = 0;
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Extensible.Testing.TestPostgres.NewDataDirectory("port-race"),
            // The first "free" port is taken by the time the server binds it.
            PickFreePort = () => Interlocked.Increment(ref picks) == 1 ? taken : LoopbackPort.PickFree(),
        }.Fast();
        var logger = new RecordingLogger();

        await using var server = await EmbeddedPostgres.StartAsync(options, logger);

        Assert.True(logger.Logged(9), "the retry should be logged");
        Assert.NotEqual(taken, server.Port);
        Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1"));
    }
}
