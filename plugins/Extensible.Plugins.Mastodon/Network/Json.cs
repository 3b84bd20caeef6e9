using System.Globalization;
using System.Text.Json;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>Reads fields of an instance's JSON without trusting its shape: a missing or mistyped field reads as absent.</summary>
internal static class Json
{
    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string Required(this JsonElement element, string name, string what) =>
        element.String(name) is { Length: > 0 } value ? value : throw new Sdk.Connectors.PlatformException($"The instance's {what} has no '{name}'.");

    public static long? Long(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static bool? Bool(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static JsonElement Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string? name = null)
    {
        var array = name is null ? element : element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }

    public static Uri? Url(this JsonElement element, string name) =>
        element.String(name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.String(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
