using System.Security.Claims;

namespace Extensible.People;

/// <summary>The claims that say what a caller may do now: their role in the current workspace and every capability held.</summary>
public static class AccessClaims
{
    /// <summary>
    /// The role claim (when there is a current workspace) and one <see cref="ConsoleClaims.Capability"/> claim per
    /// capability of <paramref name="role"/> and of <paramref name="serverCapabilities"/>.
    /// </summary>
    public static IReadOnlyList<Claim> For(Role? role, IEnumerable<string> serverCapabilities)
    {
        var claims = new List<Claim>();
        if (role is { } current)
        {
            claims.Add(new Claim(ConsoleClaims.Role, current.ToString()));
            claims.AddRange(Capabilities.Of(current).Select(c => new Claim(ConsoleClaims.Capability, c)));
        }

        claims.AddRange(serverCapabilities.Distinct(StringComparer.Ordinal).Select(c => new Claim(ConsoleClaims.Capability, c)));
        return claims;
    }
}
