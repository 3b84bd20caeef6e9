namespace Extensible.Sdk.Storage;

/// <summary>Records a plugin's own facts as events in the host's event store, under the plugin's stream.</summary>
public interface IPluginEvents
{
    /// <summary>Appends one event.</summary>
    /// <param name="type">The event's type, lower_snake_case (e.g. <c>webhook_rejected</c>; <see cref="PluginEventRules.Type"/>); the host prefixes it with the plugin's id.</param>
    /// <param name="json">The event's data as a JSON object, serialized by the plugin (<see cref="PluginEventRules.Data"/>).</param>
    /// <exception cref="ArgumentException">The type or the data breaks <see cref="PluginEventRules"/>.</exception>
    /// <param name="cancellationToken">Cancels the append.</param>
    Task RecordAsync(string type, string json, CancellationToken cancellationToken = default);
}
