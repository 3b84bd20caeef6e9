using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;
using Extensible.Testing.Plugins;

namespace Extensible.Plugins.Tests.Settings;

/// <summary>A plugin whose settings were described, validated and saved still unloads completely when disabled, and says so.</summary>
public sealed class a_configured_plugin_unloads(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PluginsHost _host = null!;

    public async Task InitializeAsync() => _host = await PluginsHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task after_its_settings_form_was_read_and_saved()
    {
        var plugin = GreeterPlugin.Build();
        Assert.Equal(PluginState.Running, (await _host.Admin.InstallAsync(new MemoryStream(plugin.Archive()), "olive@example.com")).State);
        Assert.NotNull(_host.Catalog.DescribeSettings(GreeterPlugin.Id));
        Assert.False((await _host.Admin.SaveSettingsAsync(GreeterPlugin.Id, new Dictionary<string, string?> { ["RepeatTimes"] = "99" }, "olive@example.com")).Saved);
        Assert.True((await _host.Admin.SaveSettingsAsync(GreeterPlugin.Id, new Dictionary<string, string?> { ["Greeting"] = "Hi", ["RepeatTimes"] = "2", ["Tone"] = "Formal", ["ApiKey"] = "k" }, "olive@example.com")).Saved);

        var announced = new List<string>();
        _host.Catalog.Changed += (_, change) => { lock (announced) { announced.Add($"{change.PluginId} {change.What}"); } };
        var disabled = await _host.Admin.DisableAsync(GreeterPlugin.Id, "olive@example.com");

        Assert.Equal(PluginState.Disabled, disabled.State);
        Assert.Null(disabled.UnloadProblem);
        lock (announced)
        {
            Assert.Contains($"{GreeterPlugin.Id} disabled", announced);
        }
    }
}
