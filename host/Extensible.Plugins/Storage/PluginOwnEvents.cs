using System.Text.Json;
using System.Text.RegularExpressions;
using Extensible.EventStore;
using Extensible.Plugins.Events;
using Extensible.Sdk.Storage;

namespace Extensible.Plugins.Storage;

/// <summary>A plugin's own events, appended to its stream <c>plugin-events:&lt;id&gt;</c> as <c>plugin_recorded</c>.</summary>
internal sealed partial class PluginOwnEvents(string pluginId, EventStore.EventStore store) : IPluginEvents
{
    public async Task RecordAsync(string type, string json, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(type) || !TypePattern().IsMatch(type))
        {
            throw new ArgumentException("An event type is lower_snake_case, at most 100 characters.", nameof(type));
        }

        ArgumentNullException.ThrowIfNull(json);
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(json);
            data = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The event's data is not JSON: {e.Message}", nameof(json), e);
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The event's data must be a JSON object.", nameof(json));
        }

        await store.AppendAsync(PluginEventTypes.OwnStreamOf(pluginId), ExpectedVersion.Any, [new PluginRecorded(pluginId, $"{pluginId}.{type}", data)],
            new EventMetadata { User = "plugin:" + pluginId }, cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex TypePattern();
}
