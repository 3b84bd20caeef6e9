using Extensible.Sdk.Testing.Manifests;

namespace Acme.Hello.Tests;

public sealed class ManifestTests
{
    [Fact]
    public void the_built_plugin_has_a_manifest_the_host_accepts()
    {
        // plugin.json and the plugin's assembly are copied next to the tests, as they are into the published folder.
        var manifest = PluginManifest.Load(AppContext.BaseDirectory);

        Assert.Equal("Acme.Hello.dll", manifest.Entry);
    }
}
