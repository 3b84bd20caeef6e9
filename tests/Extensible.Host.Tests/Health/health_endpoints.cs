using System.Net;
using System.Text.Json;
using Extensible.Testing;
using Extensible.Testing.Hosts;

namespace Extensible.Host.Tests.Health;

public sealed class health_endpoints
{
    [Fact]
    public async Task report_alive_and_ready_without_login()
    {
        await using var host = await ExtensibleTestHost.StartAsync(await TestPostgres.CreateDatabaseAsync("health"));

        var alive = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.True(report.RootElement.GetProperty("ready").GetBoolean());
        Assert.True(report.RootElement.GetProperty("database").GetBoolean());
        Assert.True(report.RootElement.GetProperty("migrations").GetBoolean());
        Assert.True(report.RootElement.GetProperty("projectionDaemon").GetBoolean());
    }

    [Fact]
    public async Task readiness_fails_while_the_database_is_down_and_recovers()
    {
        await using var server = await TestPostgres.StartPrivateServerAsync("readyz");
        await using var host = await ExtensibleTestHost.StartAsync(server.ConnectionString);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        await server.StopAsync();
        var down = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        using (var report = JsonDocument.Parse(await down.Content.ReadAsStringAsync()))
        {
            Assert.False(report.RootElement.GetProperty("database").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        await server.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }
}
