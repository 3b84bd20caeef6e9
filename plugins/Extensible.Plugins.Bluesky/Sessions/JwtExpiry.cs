using System.Buffers.Text;
using System.Text.Json;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>Reads a JWT's <c>exp</c> claim (the PDS signs the token; the connector only needs to know when to refresh).</summary>
internal static class JwtExpiry
{
    /// <summary>When the token expires, or <see langword="null"/> when it does not say or is not a JWT.</summary>
    public static DateTimeOffset? Read(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || parts[1].Length is 0 or > 8192)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253_402_300_799
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
