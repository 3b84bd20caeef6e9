using Extensible.Sdk.Testing.Manifests;
using Extensible.Testing;
using Extensible.Testing.Manifests;

namespace Extensible.Sdk.Tests.Manifests;

public sealed class checking_plugin_manifests : IDisposable
{
    private const string Valid = ManifestCases.Valid;

    private readonly string folder = Directory.CreateTempSubdirectory("extensible-manifest-").FullName;

    [Fact]
    public void a_valid_manifest_is_read_with_every_field()
    {
        var manifest = PluginManifest.Parse(Valid);

        Assert.Equal("acme.hello", manifest.Id);
        Assert.Equal("Hello", manifest.Name);
        Assert.Equal("1.2.3-beta.1", manifest.Version);
        Assert.Equal("^1.0", manifest.Sdk);
        Assert.Equal("Acme.Hello.dll", manifest.Entry);
        Assert.Equal("Acme", manifest.Author);
        Assert.Equal(new PluginManifestLink("Docs", "https://acme.test/hello"), Assert.Single(manifest.Links));
        Assert.False(manifest.Sandbox);
    }

    [Theory]
    [MemberData(nameof(ManifestCases.All), MemberType = typeof(ManifestCases))]
    public void the_kit_accepts_exactly_the_manifests_the_host_accepts(string @case, string json, bool accepted)
    {
        var refused = Record.Exception(() => PluginManifest.Parse(json));

        RuleCase.Judged<PluginManifestException>(@case, refused, accepted);
    }

    [Theory]
    [InlineData("id", "\"Acme.Hello\"", "\"id\"")]
    [InlineData("id", "\"acme..hello\"", "\"id\"")]
    [InlineData("id", "\"acme/hello\"", "\"id\"")]
    [InlineData("version", "\"1.0\"", "semantic version")]
    [InlineData("sdk", "\"^2.0\"", "built for SDK 2.x")]
    [InlineData("sdk", "\"^1.9\"", "needs SDK 1.9")]
    [InlineData("sdk", "\"any\"", "not an SDK range")]
    [InlineData("entry", "\"../Acme.Hello.dll\"", "without a path")]
    [InlineData("entry", "\"/tmp/Acme.Hello.dll\"", "without a path")]
    [InlineData("entry", "\"Acme.Hello.exe\"", ".dll")]
    [InlineData("links", "[{\"title\": \"x\", \"url\": \"javascript:alert(1)\"}]", "http")]
    [InlineData("links", "[{\"title\": \"x\", \"url\": \"/docs/../appsettings.json\"}]", "http")]
    [InlineData("links", "[{\"title\": \"x\", \"url\": \"/etc/passwd\"}]", "http")]
    [InlineData("links", "[{\"title\": \"x\", \"url\": \"//evil.test/docs/a.md\"}]", "http")]
    public void a_manifest_breaking_a_rule_is_refused_naming_it(string field, string value, string problem)
    {
        var json = System.Text.RegularExpressions.Regex.Replace(Valid, $"\"{field}\": [^\\n]*", $"\"{field}\": {value},");

        var refused = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(json));

        Assert.Contains(refused.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void a_link_may_be_a_page_of_the_servers_documentation()
    {
        var manifest = PluginManifest.Parse(Valid.Replace("https://acme.test/hello", "/docs/plugins/sandbox.md", StringComparison.Ordinal));

        Assert.Equal("/docs/plugins/sandbox.md", Assert.Single(manifest.Links).Url);
    }

    [Fact]
    public void missing_fields_are_all_listed()
    {
        var refused = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse("{}"));

        Assert.Equal(5, refused.Problems.Count);
    }

    [Fact]
    public void malformed_json_is_refused()
    {
        Assert.Throws<PluginManifestException>(() => PluginManifest.Parse("{ \"id\": "));
        Assert.Throws<PluginManifestException>(() => PluginManifest.Parse("null"));
    }

    [Fact]
    public void a_plugin_folder_needs_its_manifest_and_its_entry_assembly()
    {
        Assert.Throws<PluginManifestException>(() => PluginManifest.Load(folder));
        File.WriteAllText(Path.Combine(folder, PluginManifest.FileName), Valid);

        var missingEntry = Assert.Throws<PluginManifestException>(() => PluginManifest.Load(folder));
        Assert.Contains("Acme.Hello.dll", missingEntry.Message, StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(folder, "Acme.Hello.dll"), [0x4D, 0x5A]);
        Assert.Equal("acme.hello", PluginManifest.Load(folder).Id);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
