using System.Security.Claims;
using Extensible.People;

namespace Extensible.Admin.Shell;

/// <summary>The signed-in person as the console's frame shows them, read from their claims.</summary>
/// <param name="DisplayName">Their name.</param>
/// <param name="WorkspaceId">The current workspace's id, or <see langword="null"/> when they have none yet.</param>
/// <param name="WorkspaceName">The current workspace's name.</param>
/// <param name="Role">Their role in it (a <see cref="People.Role"/> name).</param>
public sealed record ConsoleUser(string DisplayName, string? WorkspaceId, string? WorkspaceName, string? Role)
{
    /// <summary>The person behind <paramref name="principal"/>, or <see langword="null"/> when nobody is signed in.</summary>
    public static ConsoleUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return new ConsoleUser(
            principal.FindFirstValue(ConsoleClaims.DisplayName) ?? principal.FindFirstValue(ConsoleClaims.Email) ?? "Signed in",
            principal.FindFirstValue(ConsoleClaims.WorkspaceId),
            principal.FindFirstValue(ConsoleClaims.WorkspaceName),
            principal.FindFirstValue(ConsoleClaims.Role));
    }
}
