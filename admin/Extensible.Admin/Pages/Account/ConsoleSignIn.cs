using System.Security.Claims;
using Extensible.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages;

/// <summary>Checks a person's password and, when it is right, starts a revocable session cookie.</summary>
public sealed class ConsoleSignIn(PeopleService people)
{
    /// <summary>Signs in and redirects to <paramref name="returnUrl"/> (local only); null with the reason when it fails.</summary>
    public async Task<IActionResult?> SignInAsync(HttpContext context, string? email, string? password, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await people.SignInAsync(email, password, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        context.Items[nameof(People.SignInResult)] = result;
        if (!result.Succeeded)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return new LocalRedirectResult(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>How the last sign-in on this request went.</summary>
    public static People.SignInResult? LastResult(HttpContext context) => context?.Items[nameof(People.SignInResult)] as People.SignInResult;

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
