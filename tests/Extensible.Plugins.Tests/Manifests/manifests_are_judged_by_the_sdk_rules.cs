using Extensible.Plugins.Manifest;
using Extensible.Testing;
using Extensible.Testing.Manifests;

namespace Extensible.Plugins.Tests.Manifests;

/// <summary>The host reads <c>plugin.json</c> by the SDK's rules: the same cases the test kit's checker is held to.</summary>
public sealed class manifests_are_judged_by_the_sdk_rules
{
    [Theory]
    [MemberData(nameof(ManifestCases.All), MemberType = typeof(ManifestCases))]
    public void the_host_accepts_exactly_the_manifests_the_kit_accepts(string @case, string json, bool accepted)
    {
        var refused = Record.Exception(() => ManifestReader.Parse(json));

        RuleCase.Judged<PluginManifestException>(@case, refused, accepted);
    }

    [Fact]
    public void values_are_read_trimmed_with_their_links()
    {
        var manifest = ManifestReader.Parse(ManifestCases.Valid.Replace("\"acme.hello\"", "\" acme.hello \"", StringComparison.Ordinal)
            .Replace("https://acme.test/hello", "/docs/plugins/sandbox.md", StringComparison.Ordinal));

        Assert.Equal("acme.hello", manifest.Id);
        Assert.Equal(new Uri("/docs/plugins/sandbox.md", UriKind.Relative), Assert.Single(manifest.Links).Url);
    }
}
