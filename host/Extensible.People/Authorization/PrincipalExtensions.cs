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

    /// <summary>Who did it, for the audit trail.</summary>
    public static string Actor(this ClaimsPrincipal principal) => principal.FindFirstValue(ConsoleClaims.Email) ?? "unknown";
}
