using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>Chooses the current workspace (remembered in a cookie; the role is read from it on every request).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WorkspaceModel(PeopleDirectory directory) : PageModel
{
    /// <summary>The cookie holding the chosen workspace.</summary>
    public const string Cookie = "ext-workspace";

    public IReadOnlyList<WorkspaceMembership> Workspaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Workspaces = await directory.WorkspacesOfAsync(User.UserId(), cancellationToken);

    /// <summary>Switches to <paramref name="workspaceId"/> and goes back to <paramref name="returnUrl"/> (a local address) or the dashboard.</summary>
    public async Task<IActionResult> OnPostAsync(Guid workspaceId, string? returnUrl, CancellationToken cancellationToken)
    {
        Workspaces = await directory.WorkspacesOfAsync(User.UserId(), cancellationToken);
        if (Workspaces.All(w => w.WorkspaceId != workspaceId))
        {
            return NotFound();
        }

        Response.Cookies.Append(Cookie, workspaceId.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return LocalRedirect(returnUrl?.StartsWith("/account/workspace", StringComparison.OrdinalIgnoreCase) == true ? "/" : ReturnUrls.LocalOrHome(returnUrl));
    }
}
