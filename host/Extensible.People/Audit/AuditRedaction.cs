using System.Text.Json.Nodes;

namespace Extensible.People.Audit;

/// <summary>
/// What of an event's body the audit trail may show. Link and token secrets and recovery codes are stored only as
/// hashes, passwords as hashes, authenticator keys and plugin secrets encrypted: even those never leave the server.
/// </summary>
public static class AuditRedaction
{
    /// <summary>The body of an event as the trail shows it, or null when it is not a JSON object.</summary>
    public static JsonObject? Redact(string type, string data)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(data) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (body is null)
        {
            return null;
        }

        foreach (var name in body.Select(f => f.Key).Where(IsSecret).ToList())
        {
            body.Remove(name);
        }

        // A plugin's settings hold its secrets (encrypted) beside plain values: the trail names the fields, never a value.
        if (type == "plugin_settings_saved" && Field(body, "Values") is JsonObject values)
        {
            body[NameOf(body, "Values")!] = new JsonArray([.. values.Select(v => JsonValue.Create(v.Key))]);
        }

        return body;
    }

    /// <summary>Whether a field's name says it holds a secret (a hash, an encrypted key, a password).</summary>
    public static bool IsSecret(string name) =>
        name.EndsWith("hash", StringComparison.OrdinalIgnoreCase) || name.EndsWith("hashes", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("protected", StringComparison.OrdinalIgnoreCase) || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>A field by name, ignoring case (events are stored with their C# names).</summary>
    internal static JsonNode? Field(JsonObject body, string name) => NameOf(body, name) is { } key ? body[key] : null;

    private static string? NameOf(JsonObject body, string name) =>
        body.Select(f => f.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
