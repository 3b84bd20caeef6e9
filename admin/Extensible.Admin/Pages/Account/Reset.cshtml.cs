using Extensible.People;
using Extensible.People.Passwords;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Admin.Pages.Account;

/// <summary>A password reset link an owner or admin made: the person sets a new password, once.</summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class ResetModel(PasswordService passwords) : PageModel
{
    public PasswordResetRecord? Reset { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(string secret, CancellationToken cancellationToken) =>
        Reset = await passwords.FindUsableResetAsync(secret, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string secret, string? newPassword, CancellationToken cancellationToken)
    {
        Reset = await passwords.FindUsableResetAsync(secret, cancellationToken);
        if (Reset is null)
        {
            return Page();
        }

        try
        {
            await passwords.ResetAsync(secret, newPassword, cancellationToken);
            Done = true;
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return Page();
    }
}
