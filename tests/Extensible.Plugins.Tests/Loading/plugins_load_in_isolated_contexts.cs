using Extensible.Plugins.Catalog;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Loading;

/// <summary>
/// Bundled plugins run by default; two plugins with different versions of one private library both work; a plugin
/// folder wrongly holding its own copy of the SDK still implements the host's interfaces; a capability implemented in a
/// private library (a transitive SDK type) is the host's type.
/// </summary>
public sealed class plugins_load_in_isolated_contexts(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static byte[] Library(string version, string answer) => FixtureCompiler.Compile("Acme.Shared", $$"""
        namespace Acme.Shared;
        public static class Answer { public static string Text => "{{answer}}"; }
        public sealed class LibraryRule : Extensible.Sdk.Content.IContentRule
        {
            public Extensible.Sdk.CapabilityInfo Info => new("library-rule", "Library rule", "from {{answer}}");
            public Task<Extensible.Sdk.Content.RuleVerdict> EvaluateAsync(Extensible.Sdk.Content.ContentDraft draft, CancellationToken cancellationToken) =>
                Task.FromResult(new Extensible.Sdk.Content.RuleVerdict(Extensible.Sdk.Content.RuleOutcome.Warn, ["{{answer}}"]));
        }
        """, version);

    [Fact]
    public async Task private_library_versions_sdk_copies_and_transitive_types_all_work()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.one", Source = FixturePlugin.RuleSource("Acme.Shared.Answer.Text"), Libraries = [("Acme.Shared", Library("1.0.0.0", "one"))] }
            .WriteTo(folders.Bundled);
        new FixturePlugin { Id = "acme.two", Source = FixturePlugin.RuleSource("Acme.Shared.Answer.Text"), Libraries = [("Acme.Shared", Library("2.0.0.0", "two"))] }
            .WriteTo(folders.Bundled);
        var sdkCopy = File.ReadAllBytes(typeof(Sdk.IPlugin).Assembly.Location);
        new FixturePlugin { Id = "acme.sdk-copy", Source = FixturePlugin.RuleSource("\"with its own SDK\""), ExtraFiles = [("Extensible.Sdk.dll", sdkCopy)] }
            .WriteTo(folders.Installed);
        var transitive = Library("3.0.0.0", "three");
        new FixturePlugin
        {
            Id = "acme.transitive",
            Source = """
                using Extensible.Sdk;
                namespace Fixture;
                public sealed class Entry : IPlugin
                {
                    public void Register(IPluginBuilder plugin) => plugin.AddContentRule(_ => new Acme.Shared.LibraryRule());
                }
                """,
            Libraries = [("Acme.Shared", transitive)],
        }.WriteTo(folders.Installed);

        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders);

        var plugins = host.Catalog.List();
        Assert.All(plugins, p => Assert.Equal(PluginState.Running, p.State));
        Assert.Equal(["acme.one", "acme.sdk-copy", "acme.transitive", "acme.two"], plugins.Select(p => p.Id).Order());
        Assert.Equal(PluginOrigin.Bundled, host.Catalog.Find("acme.one")!.Origin);
        Assert.Equal(PluginOrigin.Installed, host.Catalog.Find("acme.sdk-copy")!.Origin);
        Assert.Equal("one", host.Catalog.Find("acme.one")!.Capabilities.Single().Description);
        Assert.Equal("two", host.Catalog.Find("acme.two")!.Capabilities.Single().Description);
        Assert.Equal("from three", host.Catalog.Find("acme.transitive")!.Capabilities.Single().Description);
        Assert.Equal("https://example.com/", host.Catalog.Find("acme.one")!.Links.Single().Url.ToString());

        var rule = host.Capabilities.ContentRules.Single(r => r.PluginId == "acme.transitive");
        var verdict = await rule.CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));
        Assert.Equal(["three"], verdict.Messages);
    }
}
