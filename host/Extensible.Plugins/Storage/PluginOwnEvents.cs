using System.Text.Json;
using Extensible.EventStore;
using Extensible.Plugins.Events;
using Extensible.Sdk;
using Extensible.Sdk.Storage;

namespace Extensible.Plugins.Storage;

/// <summary>A plugin's own events, appended to its stream <c>plugin-events:&lt;id&gt;</c> as <c>plugin_recorded</c>.</summary>
internal sealed class PluginOwnEvents(string pluginId, EventStore.EventStore store) : IPluginEvents
{
    public async Task RecordAsync(string type, string json, CancellationToken cancellationToken = default)
    {
        Check(type, json);
        using var document = JsonDocument.Parse(json);
        // A busy plugin records from many calls at once, all on its one stream: group commit writes them together.
        await store.AppendGroupedAsync(PluginEventTypes.OwnStreamOf(pluginId), [new PluginRecorded(pluginId, $"{pluginId}.{type}", document.RootElement.Clone())],
            new EventMetadata { User = "plugin:" + pluginId }, cancellationToken);
    }

    /// <summary>Refuses an event the SDK's <see cref="PluginEventRules"/> refuse, before anything is stored.</summary>
    internal static void Check(string type, string json)
    {
        if (PluginEventRules.Type(type) is { } badType)
        {
            throw new ArgumentException(badType, nameof(type));
        }

        if (PluginEventRules.Data(json) is { } badData)
        {
            throw new ArgumentException(badData, nameof(json));
        }
    }
}
