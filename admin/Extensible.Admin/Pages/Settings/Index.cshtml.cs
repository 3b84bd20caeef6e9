using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Settings;

/// <summary>The workspace's own settings, and new workspaces.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(PeopleService people) : PageModel
{
    public string WorkspaceName { get; private set; } = "";

    public bool Saved { get; private set; }

    public void OnGet() => WorkspaceName = User.FindFirst(ConsoleClaims.WorkspaceName)?.Value ?? "";

    public async Task<IActionResult> OnPostRenameAsync(string? name, CancellationToken cancellationToken)
    {
        WorkspaceName = name ?? "";
        try
        {
            await people.RenameWorkspaceAsync(User.WorkspaceId(), name, User.Actor(), cancellationToken);
            Saved = true;
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        WorkspaceName = User.FindFirst(ConsoleClaims.WorkspaceName)?.Value ?? "";
        try
        {
            var id = await people.CreateWorkspaceAsync(name, User.UserId(), User.Actor(), cancellationToken);
            Response.Cookies.Append(Account.WorkspaceModel.Cookie, id.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return LocalRedirect("/");
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
    }
}
