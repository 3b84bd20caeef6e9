using Extensible.Sdk.Testing.Storage;
using Extensible.Testing;
using Extensible.Testing.Events;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Sdk.Tests.Events;

public sealed class recording_plugin_events
{
    [Theory]
    [MemberData(nameof(PluginEventCases.All), MemberType = typeof(PluginEventCases))]
    public async Task the_kit_records_exactly_the_events_the_host_stores(string @case, string type, string json, bool accepted)
    {
        var events = new RecordedPluginEvents(new FakeTimeProvider());

        var refused = await Record.ExceptionAsync(() => events.RecordAsync(type, json));

        RuleCase.Judged<ArgumentException>(@case, refused, accepted);
        Assert.Equal(accepted ? 1 : 0, events.Recorded.Count);
    }
}
