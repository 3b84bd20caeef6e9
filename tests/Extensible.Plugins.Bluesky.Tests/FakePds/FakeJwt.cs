using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>The fake PDS's tokens: HS256 JWTs with the PDS's scopes (<c>com.atproto.access</c>, <c>com.atproto.refresh</c>).</summary>
public sealed class FakeJwt(byte[] key)
{
    public const string AccessScope = "com.atproto.access";
    public const string RefreshScope = "com.atproto.refresh";

    public string Issue(string did, string scope, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = Encode("""{"typ":"at+jwt","alg":"HS256"}"""u8.ToArray());
        var payload = Encode(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["scope"] = scope,
            ["sub"] = did,
            ["aud"] = "did:web:fake-pds.test",
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        }.ToJsonString()));
        return $"{header}.{payload}.{Sign(header + "." + payload)}";
    }

    /// <summary>The token's claims when its signature checks out; <see langword="null"/> for a forged or malformed token.</summary>
    public JsonObject? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
    }

    private string Sign(string text) => Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(text)));

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
