using Extensible.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Support;

/// <summary>
/// The real host on a loopback port over a test database, with real Kestrel, so a browser reaches it as a person's
/// would. It can be stopped and started again on the same address, as a restarted server is.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string[] _arguments;
    private WebApplication? _app;

    private ConsoleHost(string connectionString, string[] arguments)
    {
        _connectionString = connectionString;
        _arguments = arguments;
    }

    /// <summary>Where the console answers, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The host is stopped.")).Services;

    /// <summary>Starts a host on a free port; <paramref name="arguments"/> are extra command-line settings.</summary>
    public static async Task<ConsoleHost> StartAsync(string connectionString, params string[] arguments)
    {
        var host = new ConsoleHost(connectionString, arguments);
        await host.RunAsync("http://127.0.0.1:0");
        return host;
    }

    /// <summary>Stops the host, as Ctrl+C would; open pages lose their connection.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts the host again on the same address and database.</summary>
    public Task StartAgainAsync() =>
        _app is null ? RunAsync(Address.GetLeftPart(UriPartial.Authority)) : throw new InvalidOperationException("The host is running.");

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(string url)
    {
        var app = await ExtensibleApp.BuildAsync(
        [
            $"--urls={url}", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={_connectionString}",
            "--Extensible:EventStore:PollInterval=00:00:00.100", "--Extensible:EventStore:LeaderRetryInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning", .. _arguments,
        ]);
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        _app = app;
    }
}
