using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Extensible.Admin.Live;

/// <summary>
/// A short digest of everything a principal holds (each claim, by type and value). A page carries the stamp it was
/// rendered with; after its live connection comes back, the script compares it with the new connection's
/// (<see cref="ConsoleHub.RightsStamp"/>) and reloads the page when the person's session or rights changed meanwhile.
/// </summary>
public static class RightsStamp
{
    /// <summary>The stamp of <paramref name="principal"/>: the same claims give the same stamp, on any node.</summary>
    public static string Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = principal.Claims.Select(c => $"{c.Type}\0{c.Value}").Order(StringComparer.Ordinal);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', claims)));
        return Convert.ToHexString(digest, 0, 12);
    }
}
