using Extensible.EventStore;
using Extensible.Host;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Runtime;
using Extensible.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Plugins.Tests.Support;

/// <summary>
/// A real host over a test database with its own bundled and installed plugin folders, short timeouts and a short
/// watch debounce. Several can share one database (nodes of one installation).
/// </summary>
public sealed class PluginsHost : IAsyncDisposable
{
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerToken = "ext_bootstrap-token-for-the-plugin-tests";

    private readonly WebApplication _app;

    private PluginsHost(WebApplication app, Uri address, string connectionString, string bundled, string installed)
    {
        _app = app;
        Address = address;
        ConnectionString = connectionString;
        BundledPath = bundled;
        InstalledPath = installed;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string ConnectionString { get; }

    public string BundledPath { get; }

    public string InstalledPath { get; }

    public IServiceProvider Services => _app.Services;

    public IPluginCatalog Catalog => Services.GetRequiredService<IPluginCatalog>();

    public IPluginAdministration Admin => Services.GetRequiredService<IPluginAdministration>();

    public IPluginCapabilities Capabilities => Services.GetRequiredService<IPluginCapabilities>();

    /// <summary>Load contexts of plugins alive in this process.</summary>
    public static int LiveLoadContexts => PluginRuntime.LiveLoadContexts;

    /// <summary>Load contexts of one plugin alive in this process.</summary>
    public static int LiveLoadContextsOf(string pluginId) => PluginRuntime.LiveLoadContextsOf(pluginId);

    /// <summary>Fresh folders for a host; write bundled plugins into <c>bundled</c> before starting.</summary>
    public static (string Bundled, string Installed) NewFolders()
    {
        var root = Path.Combine(Path.GetTempPath(), "extensible-plugin-tests", Guid.NewGuid().ToString("N"));
        var bundled = Path.Combine(root, "bundled");
        var installed = Path.Combine(root, "installed");
        Directory.CreateDirectory(bundled);
        Directory.CreateDirectory(installed);
        return (bundled, installed);
    }

    public static async Task<PluginsHost> StartAsync(string connectionString, (string Bundled, string Installed)? folders = null, params string[] args)
    {
        var (bundled, installed) = folders ?? NewFolders();
        var app = await ExtensibleApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0", "--applicationName=Extensible.Host", $"--ConnectionStrings:Extensible={connectionString}",
            "--Extensible:EventStore:PollInterval=00:00:00.100", "--Extensible:EventStore:LeaderRetryInterval=00:00:00.200",
            $"--Extensible:PluginsDir={installed}", $"--Extensible:Plugins:BundledPath={bundled}",
            "--Extensible:Plugins:WatchDebounce=00:00:00.500", "--Extensible:Plugins:CallTimeout=00:00:03", "--Extensible:Plugins:RegisterTimeout=00:00:05",
            "--Extensible:Plugins:BreakerFailures=3", "--Extensible:Plugins:BreakDuration=00:01:00",
            $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", "--Extensible:Bootstrap:OwnerPassword=correct horse battery",
            "--Extensible:Bootstrap:OwnerName=Olive Owner", "--Extensible:Bootstrap:WorkspaceName=Acme", $"--Extensible:Bootstrap:ApiToken={OwnerToken}",
            .. args,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PluginsHost(app, new Uri(address), connectionString, bundled, installed);
    }

    /// <summary>The events stored with an alias, oldest first.</summary>
    public async Task<IReadOnlyList<string>> EventsAsync(string alias, string? pluginId = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select data::text from extensible.mt_events where type = $1 and ($2::text is null or data->>'PluginId' = $2) order by seq_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alias });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)pluginId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static EventStore.EventStore Store(PluginsHost host) => host.Services.GetRequiredService<EventStore.EventStore>();
}
