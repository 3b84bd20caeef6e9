using System.Text.RegularExpressions;
using Extensible.Sdk.Testing.Manifests;
using Extensible.Testing;

namespace Extensible.Sdk.Tests.Template;

public sealed partial class the_plugin_template
{
    [Fact]
    public async Task creates_a_plugin_that_builds_passes_its_tests_and_publishes_an_installable_folder_without_the_sdk()
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
