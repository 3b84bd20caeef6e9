using System.Security.Cryptography;
using System.Text;

namespace Extensible.Plugins.Mastodon.Connecting;

/// <summary>OAuth 2 PKCE (RFC 7636) with S256: a random verifier, and its challenge sent with the authorization request.</summary>
internal static class Pkce
{
    /// <summary>A new verifier: 32 random bytes, base64url (43 characters).</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of <paramref name="verifier"/>.</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
