using Extensible.Plugins.Calls;
using Extensible.Plugins.Runtime;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Plugins.Tests.Support;

/// <summary>
/// An <see cref="ExtensibleTestHost"/> with its own bundled and installed plugin folders, short timeouts, a short watch
/// debounce and an owner. Several can share one database (nodes of one installation).
/// </summary>
public sealed class PluginsHost : IAsyncDisposable
{
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerToken = "ext_bootstrap-token-for-the-plugin-tests";

    private readonly ExtensibleTestHost _host;

    private PluginsHost(ExtensibleTestHost host, string bundled, string installed)
    {
        _host = host;
        BundledPath = bundled;
        InstalledPath = installed;
    }

    public Uri Address => _host.Address;

    public HttpClient Client => _host.Client;

    public string ConnectionString => _host.ConnectionString;

    public string BundledPath { get; }

    public string InstalledPath { get; }

    public IServiceProvider Services => _host.Services;

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
        var host = await ExtensibleTestHost.StartAsync(connectionString, new ExtensibleTestHostOptions
        {
            BundledPluginsFolder = bundled,
            InstalledPluginsFolder = installed,
            Arguments =
            [
                "--Extensible:Plugins:WatchDebounce=00:00:00.500", "--Extensible:Plugins:CallTimeout=00:00:03", "--Extensible:Plugins:RegisterTimeout=00:00:05",
                "--Extensible:Plugins:BreakerFailures=3", "--Extensible:Plugins:BreakDuration=00:01:00",
                $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", "--Extensible:Bootstrap:OwnerPassword=correct horse battery",
                "--Extensible:Bootstrap:OwnerName=Olive Owner", "--Extensible:Bootstrap:WorkspaceName=Acme", $"--Extensible:Bootstrap:ApiToken={OwnerToken}",
                .. args,
            ],
        });
        return new PluginsHost(host, bundled, installed);
    }

    /// <summary>The data of the stored events of type <paramref name="alias"/>, oldest first.</summary>
    public Task<IReadOnlyList<string>> EventsAsync(string alias, string? pluginId = null) => _host.StoredEventsAsync(alias, pluginId);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
