using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extensible.Plugins.Mastodon.Network;

namespace Extensible.Plugins.Mastodon.Connecting;

/// <summary>
/// The app the connector registered on an instance (<c>POST /api/v1/apps</c>) for one redirect URI, kept in the plugin
/// store so each instance is registered once. Its secret stays in the plugin's store and is never logged.
/// </summary>
/// <param name="Instance">The instance's origin.</param>
/// <param name="RedirectUri">The redirect URI it was registered with.</param>
/// <param name="ClientId">Its <c>client_id</c>.</param>
/// <param name="ClientSecret">Its <c>client_secret</c>.</param>
internal sealed record RegisteredApp(string Instance, string RedirectUri, string ClientId, string ClientSecret)
{
    /// <summary>The store key of the app for an instance and redirect URI (hashed: an address may be longer than a key).</summary>
    public static string StoreKey(string instance, string redirectUri) =>
        "app:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instance + "\n" + redirectUri)));

    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("instance", Instance);
            writer.WriteString("redirect_uri", RedirectUri);
            writer.WriteString("client_id", ClientId);
            writer.WriteString("client_secret", ClientSecret);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static RegisteredApp? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.String("client_id") is { Length: > 0 } id && root.String("client_secret") is { } secret
                ? new RegisteredApp(root.String("instance") ?? "", root.String("redirect_uri") ?? "", id, secret)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
