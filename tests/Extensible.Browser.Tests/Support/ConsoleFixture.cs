using Extensible.People;
using Extensible.Plugins;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Support;

/// <summary>
/// What a test class drives: a real host over a fresh database of its own, and the test process's Chromium (each tab a
/// browser context of its own).
/// </summary>
public abstract class ConsoleFixture : IAsyncLifetime
{
    private ExtensibleTestHost? _host;
    private Chromium? _browser;
    private DirectoryInfo? _pluginsFolder;

    /// <summary>The host.</summary>
    public ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    /// <summary>The host's people service, to arrange what a test does not do through the pages.</summary>
    public PeopleService People => Host.Services.GetRequiredService<PeopleService>();

    /// <summary>The host's read model of people, to check what the pages stored.</summary>
    public PeopleDirectory Directory => Host.Services.GetRequiredService<PeopleDirectory>();

    /// <summary>The host's plugin catalog, to check what the Plugins room did.</summary>
    public IPluginCatalog Plugins => Host.Services.GetRequiredService<IPluginCatalog>();

    /// <summary>Extra command-line settings of the host.</summary>
    protected virtual string[] HostArguments => [];

    /// <summary>The mail server the host sends through, if any.</summary>
    protected virtual FakeSmtpServer? Mail => null;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("browser");
        // Plugins a test installs go to a folder of the class's own, never to the shared default.
        _pluginsFolder = System.IO.Directory.CreateTempSubdirectory("extensible-plugins-");
        var host = ExtensibleTestHost.StartAsync(connectionString, new ExtensibleTestHostOptions
        {
            InstalledPluginsFolder = _pluginsFolder.FullName,
            Mail = Mail,
            QuietLogs = true,
            Arguments = HostArguments,
        });
        var browser = Chromium.SharedAsync();
        try
        {
            await Task.WhenAll(host, browser);
        }
        finally
        {
            _host = host.IsCompletedSuccessfully ? host.Result : null;
            _browser = browser.IsCompletedSuccessfully ? browser.Result : null;
        }

        await ArrangeAsync();
    }

    public async Task DisposeAsync()
    {
        await CleanUpAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _pluginsFolder?.Delete(recursive: true);
    }

    /// <summary>A new tab on this class's host: a person of its own, or the one whose <paramref name="session"/> it gets.</summary>
    public Task<ConsoleTab> OpenTabAsync(string? session = null) =>
        (_browser ?? throw new InvalidOperationException("Started by InitializeAsync.")).OpenTabAsync(Host.Address, session);

    /// <summary>A new tab on another host of this class (a second node): a person of its own, or the one whose <paramref name="session"/> it gets.</summary>
    public Task<ConsoleTab> OpenTabAsync(Uri address, string? session = null) =>
        (_browser ?? throw new InvalidOperationException("Started by InitializeAsync.")).OpenTabAsync(address, session);

    /// <summary>How many events are stored: refused input must store none.</summary>
    public Task<long> EventCountAsync() => Host.StoredEventCountAsync();

    /// <summary>Runs once the host is up, before the class's tests.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <summary>Runs after the class's tests, before the browser and the host stop (to stop what <see cref="ArrangeAsync"/> started).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}
