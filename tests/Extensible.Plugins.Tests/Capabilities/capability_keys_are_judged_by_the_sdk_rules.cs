using Extensible.Plugins.Catalog;
using Extensible.Plugins.Loading;
using Extensible.Testing;
using Extensible.Testing.Capabilities;

namespace Extensible.Plugins.Tests.Capabilities;

/// <summary>The host loads a plugin's capabilities by the SDK's key rule: the same cases the test kit's harness is held to.</summary>
public sealed class capability_keys_are_judged_by_the_sdk_rules
{
    [Theory]
    [MemberData(nameof(CapabilityKeyCases.All), MemberType = typeof(CapabilityKeyCases))]
    public void the_host_loads_exactly_the_capabilities_the_kit_builds(string @case, string[] keys, bool accepted)
    {
        var refused = Record.Exception(() => PluginLoader.CheckKeys(keys.Select(key => new PluginCapability("content-rule", key, key, key))));

        RuleCase.Judged<PluginLoadException>(@case, refused, accepted);
    }
}
