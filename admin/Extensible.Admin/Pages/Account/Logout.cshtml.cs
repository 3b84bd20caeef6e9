using Extensible.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>Ends the session: the cookie goes, and the session is revoked so a copied cookie is worthless.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class LogoutModel(PeopleService people) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(User.FindFirst(ConsoleClaims.SessionId)?.Value, out var session))
        {
            await people.RevokeSessionAsync(User.UserId(), session, User.Actor(), cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/login");
    }
}
