using System.Security.Claims;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Admin.Pages.Invitations;

/// <summary>
/// Takes up an invitation link. Someone new chooses a name and password: the account is created, joins the workspace and
/// is signed in. Someone with an account signs in first (the sign-in page, with its lockout and second factor, brings them
/// back here) and joins with a click: this page never checks an existing account's password.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class AcceptModel(PeopleDirectory directory, PeopleService people, ConsoleSignIn signIn, TimeProvider clock) : PageModel
{
    public InvitationRecord? Invitation { get; private set; }

    public bool HasAccount { get; private set; }

    /// <summary>The email of the signed-in person, if someone is signed in.</summary>
    public string? SignedInEmail => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ConsoleClaims.Email) : null;

    /// <summary>Whether the signed-in person is the one invited: they join with a click.</summary>
    public bool SignedInAsInvited => Invitation is not null && string.Equals(SignedInEmail, Invitation.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sign-in page, coming back here.</summary>
    public string SignInUrl => $"/account/login?ReturnUrl={Uri.EscapeDataString(Request.PathBase + Request.Path)}";

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
            if (HasAccount)
            {
                if (!SignedInAsInvited)
                {
                    ModelState.AddModelError("", $"An account for {Invitation.Email} exists: sign in with it to join.");
                    return Page();
                }

                await people.JoinInvitationAsync(secret, User.UserId(), cancellationToken);
            }
            else
            {
                await people.AcceptInvitationAsync(secret, displayName, password, cancellationToken);
            }
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }

        Response.Cookies.Append(Account.WorkspaceModel.Cookie, Invitation.WorkspaceId.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        if (HasAccount)
        {
            return LocalRedirect("/");
        }

        return await signIn.SignInAsync(HttpContext, Invitation.Email, password, "/") ?? LocalRedirect("/account/login");
    }

    private async Task LoadAsync(string secret, CancellationToken cancellationToken)
    {
        var invitation = secret.Length is > 0 and <= 100 ? await directory.FindInvitationAsync(secret, cancellationToken) : null;
        Invitation = invitation is { Accepted: false, Revoked: false } && invitation.ExpiresAt > clock.GetUtcNow() ? invitation : null;
        HasAccount = Invitation is not null && await directory.FindUserByEmailAsync(Invitation.Email, cancellationToken) is not null;
    }
}
