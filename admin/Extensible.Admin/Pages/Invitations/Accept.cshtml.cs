using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Admin.Pages.Invitations;

/// <summary>Takes up an invitation link: creates the account when needed, joins the workspace, signs in.</summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class AcceptModel(PeopleDirectory directory, PeopleService people, ConsoleSignIn signIn, TimeProvider clock) : PageModel
{
    public InvitationRecord? Invitation { get; private set; }

    public bool HasAccount { get; private set; }

    public Task OnGetAsync(string secret, CancellationToken cancellationToken) => LoadAsync(secret, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string secret, string? displayName, string? password, CancellationToken cancellationToken)
    {
        await LoadAsync(secret, cancellationToken);
        if (Invitation is null)
        {
            return Page();
        }

        try
        {
            await people.AcceptInvitationAsync(secret, displayName, password, cancellationToken);
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }

        Response.Cookies.Append(Account.WorkspaceModel.Cookie, Invitation.WorkspaceId.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return await signIn.SignInAsync(HttpContext, Invitation.Email, password, "/") ?? LocalRedirect("/account/login");
    }

    private async Task LoadAsync(string secret, CancellationToken cancellationToken)
    {
        var invitation = secret.Length is > 0 and <= 100 ? await directory.FindInvitationAsync(secret, cancellationToken) : null;
        Invitation = invitation is { Accepted: false, Revoked: false } && invitation.ExpiresAt > clock.GetUtcNow() ? invitation : null;
        HasAccount = Invitation is not null && await directory.FindUserByEmailAsync(Invitation.Email, cancellationToken) is not null;
    }
}
