using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Admin.Pages.Account;

/// <summary>Sign-in with email and password; wrong passwords count toward a lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class LoginModel(ConsoleSignIn signIn) : PageModel
{
    [BindProperty, StringLength(254)]
    public string? Email { get; set; }

    [BindProperty, StringLength(256)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Wrong email or password.");
            return Page();
        }

        var signedIn = await signIn.SignInAsync(HttpContext, Email, Password, ReturnUrl);
        if (signedIn is not null)
        {
            return signedIn;
        }

        var result = ConsoleSignIn.LastResult(HttpContext);
        ModelState.AddModelError("", result?.IsLockedOut == true
            ? $"Too many failed attempts: this account is locked until {result.LockedUntil:HH:mm} UTC."
            : "Wrong email or password.");
        return Page();
    }
}
