using Extensible.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Extensible.Host.Tests.Support;

/// <summary>A real host on a free loopback port over a test database, as a browser or another node would reach it.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(string connectionString, Action<IHostApplicationBuilder>? configure = null, params string[] args)
    {
        var app = await ExtensibleApp.BuildAsync(
            ["--urls=http://127.0.0.1:0", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={connectionString}", "--Extensible:EventStore:PollInterval=00:00:00.100", "--Extensible:EventStore:LeaderRetryInterval=00:00:00.200", .. args],
            configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
