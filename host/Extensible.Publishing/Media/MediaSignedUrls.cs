using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Extensible.Publishing.Media;

/// <summary>
/// Short-lived links to a media file for networks that fetch media by URL: <c>/media/{id}/{expires}/{signature}</c>,
/// signed with the server's data protection keys (shared by every node), so nobody can make or stretch one.
/// </summary>
public sealed class MediaSignedUrls(IDataProtectionProvider protection)
{
    /// <summary>The route the links point at.</summary>
    public const string Route = "/media/{id:guid}/{expires:long}/{signature}";

    private readonly IDataProtector _protector = protection.CreateProtector("Extensible.Publishing.Media.SignedUrl.v1");

    /// <summary>The path of a link to <paramref name="mediaId"/> that works until <paramref name="expiresAt"/>.</summary>
    public string PathFor(Guid mediaId, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        var signature = WebEncoders.Base64UrlEncode(_protector.Protect(Payload(mediaId, expires)));
        return string.Create(CultureInfo.InvariantCulture, $"/media/{mediaId}/{expires}/{signature}");
    }

    /// <summary>Whether the link's signature was made here for exactly this media and expiry.</summary>
    public bool IsGenuine(Guid mediaId, long expires, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 1000)
        {
            return false;
        }

        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(signature));
            return CryptographicOperations.FixedTimeEquals(payload, Payload(mediaId, expires));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static byte[] Payload(Guid mediaId, long expires) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{mediaId:N}.{expires}"));
}
