using Extensible.Sdk.Testing;
using Extensible.Sdk.Tests.Support;
using Extensible.Testing;
using Extensible.Testing.Capabilities;

namespace Extensible.Sdk.Tests.Capabilities;

public sealed class checking_capability_keys
{
    [Theory]
    [MemberData(nameof(CapabilityKeyCases.All), MemberType = typeof(CapabilityKeyCases))]
    public void the_kit_builds_exactly_the_capabilities_the_host_loads(string @case, string[] keys, bool accepted)
    {
        using var harness = PluginHarness.Create(new KeyedRulesPlugin(keys));

        var refused = Record.Exception(() => harness.ContentRules);

        RuleCase.Judged<InvalidOperationException>(@case, refused, accepted);
    }
}
