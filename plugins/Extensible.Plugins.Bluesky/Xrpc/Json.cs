using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>Reads values out of the network's JSON without trusting its shape.</summary>
internal static class Json
{
    /// <summary>A string property, or <see langword="null"/> when absent, empty or not a string.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>A whole-number property, or <see langword="null"/>.</summary>
    public static long? Number(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>A date-time property, or <see langword="null"/>.</summary>
    public static DateTimeOffset? Time(JsonNode? node, string name) =>
        Text(node, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>An object property, or <see langword="null"/>.</summary>
    public static JsonObject? Object(JsonNode? node, string name) => node is JsonObject json ? json[name] as JsonObject : null;

    /// <summary>An array property's objects (none when absent).</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonArray array ? array.OfType<JsonObject>() : [];
}
