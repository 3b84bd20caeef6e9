using System.Net;
using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Loading;

/// <summary>
/// A bad manifest, an SDK of another major, a folder named unlike its id, a missing dependency, a throwing constructor,
/// a throwing registration, a hanging registration, two capabilities with one key and a settings class with a list:
/// each plugin is failed with its reason, recorded once, and the host and the good plugin go on.
/// </summary>
public sealed class broken_plugins_fail_alone(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task each_broken_plugin_fails_with_its_reason_and_the_rest_runs()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.good", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.bad-manifest", Source = FixturePlugin.RuleSource(), ManifestJson = """{ "id": "acme.bad-manifest", "name": "x" }""" }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.future", Sdk = "^2.0", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.named", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Installed, "acme.other-name");
        new FixturePlugin
        {
            Id = "acme.missing",
            Source = FixturePlugin.RuleSource("Acme.Gone.Thing.Text"),
            MissingLibraries = [FixtureCompiler.Compile("Acme.Gone", "namespace Acme.Gone; public static class Thing { public static string Text => \"x\"; }")],
        }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.throwing-ctor", Source = FixturePlugin.RuleSource(ctor: "throw new InvalidOperationException(\"ctor boom\");") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.throwing-register", Source = FixturePlugin.RuleSource(register: "throw new InvalidOperationException(\"register boom\");") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.hanging-register", Source = FixturePlugin.RuleSource(register: "Thread.Sleep(Timeout.Infinite);") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.same-keys", Source = FixturePlugin.RuleSource(register: "plugin.AddContentRule(context => new Rule(context));") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.listed-settings", Source = FixturePlugin.RuleSource(register: "plugin.UseSettings<Listed>();") + ListedSettings }.WriteTo(folders.Installed);

        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders);

        Assert.Equal(PluginState.Running, host.Catalog.Find("acme.good")!.State);
        Assert.Contains("needs \"version\"", Reason(host, "acme.bad-manifest"));
        Assert.Contains("SDK 2.x", Reason(host, "acme.future"));
        Assert.Contains("its plugin.json says the id is 'acme.named'", Reason(host, "acme.other-name"));
        Assert.Contains("Acme.Gone", Reason(host, "acme.missing"));
        Assert.Contains("ctor boom", Reason(host, "acme.throwing-ctor"));
        Assert.Contains("register boom", Reason(host, "acme.throwing-register"));
        Assert.Contains("did not finish within 5 s", Reason(host, "acme.hanging-register"));
        Assert.Contains("content rule key 'rule' twice", Reason(host, "acme.same-keys"));
        Assert.Contains("The settings class Listed is not supported: 'Tags' is a List<String>", Reason(host, "acme.listed-settings"));
        Assert.Single(host.Capabilities.ContentRules);

        using var ready = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Single(await host.EventsAsync("plugin_failed", "acme.throwing-ctor"));

        // Enabling a failed plugin tries it again (and it fails again, recorded once more only if the reason changed).
        var again = await host.Admin.EnableAsync("acme.throwing-ctor", "tests");
        Assert.Equal(PluginState.Failed, again.State);
        Assert.Single(await host.EventsAsync("plugin_failed", "acme.throwing-ctor"));
    }

    // A settings class with a list: the host refuses it (SettingsRules) rather than drop the setting unseen.
    private const string ListedSettings = """

        public sealed class Listed { public System.Collections.Generic.List<string> Tags { get; set; } = []; }
        """;

    private static string Reason(PluginsHost host, string id)
    {
        var plugin = host.Catalog.Find(id);
        Assert.NotNull(plugin);
        Assert.Equal(PluginState.Failed, plugin.State);
        return plugin.FailureReason!;
    }
}
