using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Admin.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class SecondStepModel(ConsoleSignIn signIn) : PageModel
{
    [BindProperty, StringLength(64)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => signIn.IsAtSecondStep(HttpContext) ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!signIn.IsAtSecondStep(HttpContext))
        {
            return RedirectToPage("/Account/Login");
        }

        if (ModelState.IsValid && await signIn.CompleteAsync(HttpContext, Code, ReturnUrl) is { } signedIn)
        {
            return signedIn;
        }

        var result = ConsoleSignIn.LastResult(HttpContext);
        if (result?.IsLockedOut == true)
        {
            ModelState.AddModelError("", $"Too many failed attempts: this account is locked until {result.LockedUntil:HH:mm} UTC.");
            return Page();
        }

        ModelState.AddModelError("", "That code does not work. Enter the 6 digits your app shows now, or one of your recovery codes.");
        return Page();
    }
}
