using Extensible.Plugins.Storage;
using Extensible.Testing;
using Extensible.Testing.Events;

namespace Extensible.Plugins.Tests.Events;

/// <summary>The host refuses a plugin's own events by the SDK's rules: the same cases the test kit's recorded events are held to.</summary>
public sealed class plugin_events_are_judged_by_the_sdk_rules
{
    [Theory]
    [MemberData(nameof(PluginEventCases.All), MemberType = typeof(PluginEventCases))]
    public void the_host_stores_exactly_the_events_the_kit_records(string @case, string type, string json, bool accepted)
    {
        var refused = Record.Exception(() => PluginOwnEvents.Check(type, json));

        RuleCase.Judged<ArgumentException>(@case, refused, accepted);
    }
}
