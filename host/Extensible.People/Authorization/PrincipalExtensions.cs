using System.Security.Claims;

namespace Extensible.People;

/// <summary>Reads the console's claims.</summary>
public static class PrincipalExtensions
{
    /// <summary>The signed-in person's id.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(ConsoleClaims.UserId)!);

    /// <summary>The current workspace's id.</summary>
    public static Guid WorkspaceId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(ConsoleClaims.WorkspaceId)!);

    /// <summary>The role in the current workspace.</summary>
    public static Role Role(this ClaimsPrincipal principal) => Enum.Parse<Role>(principal.FindFirstValue(ConsoleClaims.Role)!);

    /// <summary>The capabilities the caller holds now (an API token's: what both the token and its person may do).</summary>
    public static IReadOnlySet<string> Capabilities(this ClaimsPrincipal principal) =>
        principal.FindAll(ConsoleClaims.Capability).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the caller satisfies <paramref name="policy"/> (a <see cref="Policies"/> name).</summary>
    public static bool May(this ClaimsPrincipal principal, string policy) =>
        principal.Identity?.IsAuthenticated == true && Policies.Allows(policy, principal.Capabilities());

    /// <summary>Who did it, for the audit trail.</summary>
    public static string Actor(this ClaimsPrincipal principal) => principal.FindFirstValue(ConsoleClaims.Email) ?? "unknown";
}
