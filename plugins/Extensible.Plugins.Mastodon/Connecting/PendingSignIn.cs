using System.Text;
using System.Text.Json;
using Extensible.Plugins.Mastodon.Network;

namespace Extensible.Plugins.Mastodon.Connecting;

/// <summary>
/// What the connector needs back at the callback, kept by the host (encrypted) as the connect's verifier: the instance
/// the person chose and the PKCE verifier.
/// </summary>
/// <param name="Instance">The instance's origin.</param>
/// <param name="CodeVerifier">The PKCE verifier.</param>
internal sealed record PendingSignIn(string Instance, string CodeVerifier)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("instance", Instance);
            writer.WriteString("code_verifier", CodeVerifier);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static PendingSignIn? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.String("instance") is { Length: > 0 } instance && document.RootElement.String("code_verifier") is { Length: > 0 } verifier
                ? new PendingSignIn(instance, verifier)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
