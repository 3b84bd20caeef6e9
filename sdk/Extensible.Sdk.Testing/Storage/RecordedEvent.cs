namespace Extensible.Sdk.Testing.Storage;

/// <summary>An event a plugin recorded.</summary>
/// <param name="Type">Its type as the plugin gave it (the host prefixes it with the plugin's id).</param>
/// <param name="Json">Its data, a JSON object.</param>
/// <param name="RecordedAt">When, by the harness's clock.</param>
public sealed record RecordedEvent(string Type, string Json, DateTimeOffset RecordedAt);
