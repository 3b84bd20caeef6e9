using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Installation;

/// <summary>
/// Install, upgrade, disable, enable and uninstall without a restart, each unload verified; 100 install/uninstall cycles
/// leave no load contexts behind; a folder dropped into the plugins folder is installed exactly once.
/// </summary>
public sealed class plugins_install_upgrade_and_uninstall_at_runtime(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PluginsHost _host = null!;

    public async Task InitializeAsync() => _host = await PluginsHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_plugin_is_installed_upgraded_disabled_enabled_and_uninstalled_live()
    {
        var installed = await _host.Admin.InstallAsync(new MemoryStream(Plugin("acme.cycle", "1.0.0", "first").Zip()), "olive@example.com");
        Assert.Equal(PluginState.Running, installed.State);
        Assert.Equal("first", installed.Capabilities.Single().Description);

        var upgraded = await _host.Admin.InstallAsync(new MemoryStream(Plugin("acme.cycle", "1.1.0", "second").Zip()), "olive@example.com");
        Assert.Equal("1.1.0", upgraded.Version);
        Assert.Equal("second", upgraded.Capabilities.Single().Description);
        Assert.Null(upgraded.UnloadProblem);

        var disabled = await _host.Admin.DisableAsync("acme.cycle", "olive@example.com");
        Assert.Equal(PluginState.Disabled, disabled.State);
        Assert.Empty(_host.Capabilities.ContentRules);
        Assert.Equal(PluginState.Running, (await _host.Admin.EnableAsync("acme.cycle", "olive@example.com")).State);

        await _host.Admin.UninstallAsync("acme.cycle", "olive@example.com");
        Assert.Null(_host.Catalog.Find("acme.cycle"));
        Assert.False(Directory.Exists(Path.Combine(_host.InstalledPath, "acme.cycle")));
        Assert.Single(await _host.EventsAsync("plugin_installed", "acme.cycle"));
        Assert.Single(await _host.EventsAsync("plugin_upgraded", "acme.cycle"));
        Assert.Single(await _host.EventsAsync("plugin_disabled", "acme.cycle"));
        Assert.Single(await _host.EventsAsync("plugin_enabled", "acme.cycle"));
        Assert.Single(await _host.EventsAsync("plugin_uninstalled", "acme.cycle"));
        await Assert.ThrowsAsync<PluginOperationException>(() => _host.Admin.EnableAsync("acme.cycle", "olive@example.com"));
    }

    [Fact]
    public async Task a_hundred_install_uninstall_cycles_leave_no_load_contexts_behind()
    {
        var archive = Plugin("acme.hundred", "1.0.0", "again").Zip();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(PluginState.Running, (await _host.Admin.InstallAsync(new MemoryStream(archive), "tests")).State);
            await _host.Admin.UninstallAsync("acme.hundred", "tests");
        }

        await Eventually.HoldsAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return PluginsHost.LiveLoadContextsOf("acme.hundred") == 0;
        }, "the unloaded plugins' load contexts are collected", TimeSpan.FromSeconds(5));

        // Every one of the 100 was verified collected (other test classes' plugins are not counted).
        Assert.Equal(0, PluginsHost.LiveLoadContextsOf("acme.hundred"));
    }

    [Fact]
    public async Task a_dropped_folder_is_installed_once()
    {
        var staging = Path.Combine(Path.GetTempPath(), "extensible-plugin-tests", Guid.NewGuid().ToString("N"));
        var source = Plugin("acme.dropped", "1.0.0", "dropped").WriteTo(staging);
        var target = Path.Combine(_host.InstalledPath, "acme.dropped");
        Directory.CreateDirectory(target);
        // File by file, slowly, as a copy does: the watcher must wait for quiet.
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            await Task.Delay(100);
        }

        await Eventually.HoldsAsync(() => _host.Catalog.Find("acme.dropped")?.State == PluginState.Running, "the dropped plugin runs");
        File.SetLastWriteTimeUtc(Path.Combine(target, "plugin.json"), DateTime.UtcNow);
        // Dropped folders are picked up one at a time in the order they changed: once a later one runs, the touch was handled.
        Plugin("acme.dropped-later", "1.0.0", "later").WriteTo(_host.InstalledPath);
        await Eventually.HoldsAsync(() => _host.Catalog.Find("acme.dropped-later")?.State == PluginState.Running, "a plugin dropped after the touch runs");
        Assert.Single(await _host.EventsAsync("plugin_installed", "acme.dropped"));
        Assert.Equal("dropped", _host.Catalog.Find("acme.dropped")!.Capabilities.Single().Description);
    }

    private static FixturePlugin Plugin(string id, string version, string description) =>
        new() { Id = id, Version = version, Source = FixturePlugin.RuleSource($"\"{description}\"") };
}
