using System.Security.Claims;
using Extensible.People;
using Microsoft.AspNetCore.Authentication;

namespace Extensible.Host.Security;

/// <summary>
/// Adds the current workspace and the role in it to a signed-in person's claims on every request, from the read
/// model: a role change or removal applies at the next request. The workspace is the one chosen in the switcher
/// (a cookie), else the first the person belongs to.
/// </summary>
internal sealed class WorkspaceClaimsTransformation(PeopleDirectory directory, IHttpContextAccessor http) : IClaimsTransformation
{
    public const string WorkspaceCookie = "ext-workspace";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == ConsoleClaims.WorkspaceId)
            || !Guid.TryParse(principal.FindFirstValue(ConsoleClaims.UserId), out var userId))
        {
            return principal;
        }

        var workspaces = await directory.WorkspacesOfAsync(userId);
        if (http.HttpContext is { } context)
        {
            RequestWorkspaces.Remember(context, workspaces);
        }

        var chosen = http.HttpContext?.Request.Cookies[WorkspaceCookie];
        var current = workspaces.FirstOrDefault(w => w.WorkspaceId.ToString() == chosen) ?? (workspaces.Count > 0 ? workspaces[0] : null);
        if (current is null)
        {
            return principal;
        }

        var clone = principal.Clone();
        ((ClaimsIdentity)clone.Identity!).AddClaims(
        [
            new Claim(ConsoleClaims.WorkspaceId, current.WorkspaceId.ToString()),
            new Claim(ConsoleClaims.WorkspaceName, current.WorkspaceName),
            new Claim(ConsoleClaims.Role, current.Role.ToString()),
        ]);
        return clone;
    }
}
