using System.Security.Claims;
using Extensible.People;
using Extensible.People.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>
/// Adds the current workspace, the role in it and every capability held (the role's and the server's) to a signed-in
/// person's claims on every request, from the read model: a role change, removal or operator change applies at the
/// next request. The workspace is the one chosen in the switcher
/// (a cookie), else the first the person belongs to.
/// </summary>
internal sealed class WorkspaceClaimsTransformation(PeopleDirectory directory, IHttpContextAccessor http, IOptionsMonitor<ServerAccessOptions> server) : IClaimsTransformation
{
    public const string WorkspaceCookie = "ext-workspace";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type is ConsoleClaims.WorkspaceId or ConsoleClaims.Capability)
            || !Guid.TryParse(principal.FindFirstValue(ConsoleClaims.UserId), out var userId))
        {
            return principal;
        }

        var (workspaces, isOperator) = await directory.AccessOfAsync(userId);
        if (http.HttpContext is { } context)
        {
            RequestWorkspaces.Remember(context, workspaces);
        }

        var chosen = http.HttpContext?.Request.Cookies[WorkspaceCookie];
        var current = workspaces.FirstOrDefault(w => w.WorkspaceId.ToString() == chosen) ?? (workspaces.Count > 0 ? workspaces[0] : null);
        var serverCapabilities = Capabilities.OfServer(isOperator, server.CurrentValue.OwnersMayCreateWorkspaces, current?.Role);
        // ClaimsPrincipal.Clone shares the identities: copy them, so the principal given is never changed.
        var clone = new ClaimsPrincipal(principal.Identities.Select(i => i.Clone()));
        var identity = (ClaimsIdentity)clone.Identity!;
        if (current is not null)
        {
            identity.AddClaims(
            [
                new Claim(ConsoleClaims.WorkspaceId, current.WorkspaceId.ToString()),
                new Claim(ConsoleClaims.WorkspaceName, current.WorkspaceName),
            ]);
        }

        identity.AddClaims(AccessClaims.For(current?.Role, serverCapabilities));
        return clone;
    }
}
