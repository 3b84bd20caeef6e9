using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Nodes;

/// <summary>Two hosts on one database (sharing their plugin folders) follow each other's enable and disable.</summary>
public sealed class nodes_follow_each_other(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task a_plugin_disabled_on_one_node_unloads_on_the_other_and_comes_back_when_enabled()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.shared", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Bundled);
        await using var first = await PluginsHost.StartAsync(database.ConnectionString, folders);
        await using var second = await PluginsHost.StartAsync(database.ConnectionString, folders);
        Assert.Equal(PluginState.Running, second.Catalog.Find("acme.shared")!.State);

        await first.Admin.DisableAsync("acme.shared", "tests");
        await Eventually.HoldsAsync(() => second.Catalog.Find("acme.shared")!.State == PluginState.Disabled, "the other node disables it");
        Assert.Empty(second.Capabilities.ContentRules);

        await second.Admin.EnableAsync("acme.shared", "tests");
        await Eventually.HoldsAsync(() => first.Catalog.Find("acme.shared")!.State == PluginState.Running, "the first node enables it again");
        Assert.Single(first.Capabilities.ContentRules);
    }
}
