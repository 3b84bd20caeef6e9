using Extensible.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Testing.Hosts;

/// <summary>
/// The real host (<see cref="ExtensibleApp"/>) with real Kestrel on a free loopback port over a test database, as a
/// browser or another node reaches it. Several may share one database (nodes of one installation); one can be stopped
/// and started again on the same address, as a restarted server is. The one way the tests start a host.
/// </summary>
public sealed partial class ExtensibleTestHost : IAsyncDisposable
{
    private readonly ExtensibleTestHostOptions options;
    private WebApplication? app;
    private HttpClient? client;

    private ExtensibleTestHost(string connectionString, ExtensibleTestHostOptions options)
    {
        ConnectionString = connectionString;
        this.options = options;
    }

    /// <summary>Where the host answers, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A client of the host's address, without credentials.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException("The host is stopped.");

    /// <summary>The database the host runs on.</summary>
    public string ConnectionString { get; }

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => (app ?? throw new InvalidOperationException("The host is stopped.")).Services;

    /// <summary>Starts a host on <paramref name="connectionString"/>; <paramref name="arguments"/> are extra command-line settings.</summary>
    /// <param name="connectionString">The test database.</param>
    /// <param name="arguments">Extra command-line settings.</param>
    /// <returns>The running host; dispose it to stop it.</returns>
    public static Task<ExtensibleTestHost> StartAsync(string connectionString, params string[] arguments) =>
        StartAsync(connectionString, new ExtensibleTestHostOptions { Arguments = arguments });

    /// <summary>Starts a host on <paramref name="connectionString"/> with <paramref name="options"/>.</summary>
    /// <param name="connectionString">The test database.</param>
    /// <param name="options">How it differs from the plain host.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host; dispose it to stop it.</returns>
    public static async Task<ExtensibleTestHost> StartAsync(string connectionString, ExtensibleTestHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new ExtensibleTestHost(connectionString, options);
        await host.RunAsync("http://127.0.0.1:0", cancellationToken);
        return host;
    }

    /// <summary>
    /// Builds the host as <see cref="StartAsync(string, ExtensibleTestHostOptions, CancellationToken)"/> does without
    /// starting it, for tests of what its start refuses; the caller starts, stops and disposes it.
    /// </summary>
    /// <param name="connectionString">The test database.</param>
    /// <param name="arguments">Extra command-line settings.</param>
    /// <returns>The host, not started.</returns>
    public static Task<WebApplication> BuildAsync(string connectionString, params string[] arguments) =>
        BuildAsync("http://127.0.0.1:0", connectionString, new ExtensibleTestHostOptions { Arguments = arguments }, CancellationToken.None);

    /// <summary>Stops the host, as Ctrl+C would; open pages and clients lose their connection.</summary>
    /// <returns>When it has stopped.</returns>
    public async Task StopAsync()
    {
        Interlocked.Exchange(ref client, null)?.Dispose();
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    /// <summary>Starts the stopped host again on the same address and database.</summary>
    /// <returns>When it runs.</returns>
    public Task StartAgainAsync() =>
        app is null ? RunAsync(Address.GetLeftPart(UriPartial.Authority), CancellationToken.None) : throw new InvalidOperationException("The host is running.");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private static Task<WebApplication> BuildAsync(string url, string connectionString, ExtensibleTestHostOptions options, CancellationToken cancellationToken) =>
        ExtensibleApp.BuildAsync(
        [
            $"--urls={url}", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={connectionString}",
            .. EventStoreArguments, .. options.ToArguments(),
        ], options.Configure, cancellationToken);

    private async Task RunAsync(string url, CancellationToken cancellationToken)
    {
        var built = await BuildAsync(url, ConnectionString, options, cancellationToken);
        try
        {
            await built.StartAsync(cancellationToken);
        }
        catch
        {
            await built.DisposeAsync();
            throw;
        }

        Address = new Uri(built.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        client = new HttpClient { BaseAddress = Address };
        app = built;
    }
}
