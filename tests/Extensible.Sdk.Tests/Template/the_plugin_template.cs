using System.Text.RegularExpressions;
using Extensible.Plugins;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Catalog;
using Extensible.Sdk.Content;
using Extensible.Sdk.Testing;
using Extensible.Sdk.Testing.Manifests;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Sdk.Tests.Template;

public sealed partial class the_plugin_template(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task creates_a_plugin_that_builds_passes_its_tests_publishes_without_the_sdk_and_runs_when_dropped_into_a_running_host()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var plugin = await PluginTemplate.CreateAsync("acme.shout-check", timeout.Token);

        Assert.False(plugin.Folder.StartsWith(PluginTemplate.RepositoryRoot, StringComparison.Ordinal));
        var manifest = PluginManifest.Parse(await File.ReadAllTextAsync(plugin.ManifestPath, timeout.Token));
        Assert.Equal("acme.shout-check", manifest.Id);
        Assert.Equal("Extensible tests", manifest.Author);
        Assert.Equal("Acme.ShoutCheck.dll", manifest.Entry);

        var tested = await PluginTemplate.RunAsync(plugin, timeout.Token, "test", "--nologo");
        Assert.Matches(PassedFive(), tested);

        var published = await PluginTemplate.PublishAsync(plugin, Path.Combine(plugin.Folder, "publish", plugin.PluginId), timeout.Token);
        Assert.Equal("acme.shout-check", PluginManifest.Load(published).Id);
        Assert.True(File.Exists(Path.Combine(published, "Acme.ShoutCheck.dll")));
        Assert.False(File.Exists(Path.Combine(published, "Extensible.Sdk.dll")), "The host provides Extensible.Sdk; the plugin must not ship it.");
        Assert.False(File.Exists(Path.Combine(published, "Extensible.Sdk.Testing.dll")));

        var zip = PluginTemplate.Zip(published, Path.Combine(plugin.Folder, "acme.shout-check.zip"));
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName == PluginManifest.FileName);

        await RunsWhenDroppedIntoARunningHostAsync(published, plugin.PluginId, timeout.Token);
    }

    // What an author does after publishing: copy the folder into a running host's plugins folder, no restart.
    private async Task RunsWhenDroppedIntoARunningHostAsync(string published, string pluginId, CancellationToken cancellationToken)
    {
        var folders = Path.Combine(Path.GetTempPath(), "extensible-template-host", Guid.NewGuid().ToString("N"));
        var (bundled, installed) = (Path.Combine(folders, "bundled"), Path.Combine(folders, "installed"));
        Directory.CreateDirectory(bundled);
        Directory.CreateDirectory(installed);
        await using var host = await ExtensibleTestHost.StartAsync(database.ConnectionString, new ExtensibleTestHostOptions
        {
            BundledPluginsFolder = bundled,
            InstalledPluginsFolder = installed,
            Arguments =
            [
                "--Extensible:Plugins:WatchDebounce=00:00:00.500", "--Extensible:Bootstrap:OwnerEmail=owner@example.com",
                "--Extensible:Bootstrap:OwnerPassword=correct horse battery", $"--Extensible:Bootstrap:ApiToken={OwnerToken}",
            ],
        }, cancellationToken);
        var catalog = host.Services.GetRequiredService<IPluginCatalog>();
        Assert.Null(catalog.Find(pluginId));

        CopyFolder(published, Path.Combine(installed, pluginId));

        await Eventually.HoldsAsync(() => catalog.Find(pluginId)?.State == PluginState.Running, "the dropped plugin runs", TimeSpan.FromSeconds(30));

        var running = catalog.Find(pluginId);
        Assert.NotNull(running);
        Assert.True(running.State == PluginState.Running, $"The dropped plugin is {running.State}: {running.FailureReason}");
        Assert.Equal(PluginOrigin.Installed, running.Origin);
        var rule = Assert.Single(host.Services.GetRequiredService<IPluginCapabilities>().ContentRules, r => r.PluginId == pluginId);
        var verdict = await rule.CallAsync("evaluate", (r, ct) => r.EvaluateAsync(Samples.Draft("WHY IS NOBODY ANSWERING MY EMAILS"), ct), cancellationToken);
        Assert.Equal(RuleOutcome.Warn, verdict.Outcome);

        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", OwnerToken);
        var listed = await client.GetStringAsync(new Uri("/api/v1/plugins", UriKind.Relative), cancellationToken);
        Assert.Contains($"\"id\":\"{pluginId}\"", listed, StringComparison.Ordinal);
    }

    private const string OwnerToken = "ext_template-test-owner-token-0123456789";

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void references_the_sdk_version_this_repository_builds()
    {
        var content = Path.Combine(PluginTemplate.RepositoryRoot, "sdk", "templates", "content", "extensible-plugin");
        var plugin = File.ReadAllText(Path.Combine(content, "src", "Acme.Hello", "Acme.Hello.csproj"));
        var tests = File.ReadAllText(Path.Combine(content, "tests", "Acme.Hello.Tests", "Acme.Hello.Tests.csproj"));
        var manifest = File.ReadAllText(Path.Combine(content, "src", "Acme.Hello", "plugin.json"));

        Assert.Contains($"Include=\"Extensible.Sdk\" Version=\"{SdkInfo.VersionText}\" ExcludeAssets=\"runtime\"", plugin, StringComparison.Ordinal);
        Assert.Contains($"Include=\"Extensible.Sdk.Testing\" Version=\"{SdkInfo.VersionText}\"", tests, StringComparison.Ordinal);
        Assert.Contains($"\"sdk\": \"{SdkInfo.CurrentRange}\"", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme.hello", "Acme.Hello")]
    [InlineData("acme.shout-check", "Acme.ShoutCheck")]
    [InlineData("acme.2fa", "Acme._2fa")]
    public void names_a_plugin_after_its_id(string id, string name) => Assert.Equal(name, PluginTemplate.NameOf(id));

    [GeneratedRegex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+5\b")]
    private static partial Regex PassedFive();
}
