using System.Security.Claims;
using System.Security.Cryptography;
using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages;

/// <summary>
/// Checks a person's password and, when it is right, starts a revocable session cookie. For a person with
/// two-factor sign-in on, a right password only earns a short-lived, encrypted "second step" cookie naming them; the
/// session cookie comes once their code passes (<see cref="CompleteAsync"/>).
/// </summary>
public sealed class ConsoleSignIn(PeopleService people, TwoFactorService twoFactor, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The page that asks for the second factor.</summary>
    public const string SecondStepPath = "/account/login/code";

    /// <summary>How long the second step waits for a code after the password.</summary>
    public static readonly TimeSpan SecondStepLifetime = TimeSpan.FromMinutes(5);

    private const string SecondStepCookie = "ext-sign-in";

    private readonly ITimeLimitedDataProtector _secondStep = protection.CreateProtector("Extensible.Admin.SignIn.SecondStep").ToTimeLimitedDataProtector();

    /// <summary>
    /// Signs in and redirects to <paramref name="returnUrl"/> (local only), or to the second step for a person with
    /// two-factor sign-in; null with the reason (<see cref="LastResult"/>) when it fails.
    /// </summary>
    public async Task<IActionResult?> SignInAsync(HttpContext context, string? email, string? password, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await people.SignInAsync(email, password, context.Connection.RemoteIpAddress?.ToString(), UserAgent(context), context.RequestAborted);
        context.Items[nameof(People.SignInResult)] = result;
        if (result.RequiresTwoFactor)
        {
            context.Response.Cookies.Append(SecondStepCookie, _secondStep.Protect(result.User!.Id.ToString(), clock.GetUtcNow() + SecondStepLifetime), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = SecondStepPath,
                MaxAge = SecondStepLifetime,
            });
            return new LocalRedirectResult(ReturnUrls.IsLocal(returnUrl) ? $"{SecondStepPath}?returnUrl={Uri.EscapeDataString(returnUrl!)}" : SecondStepPath);
        }

        return result.Succeeded ? await StartSessionAsync(context, result, returnUrl) : null;
    }

    /// <summary>Whether this browser passed the password step in the last few minutes and may enter a code.</summary>
    public bool IsAtSecondStep(HttpContext context) => SecondStepUser(context) is not null;

    /// <summary>
    /// The second step: a code from the authenticator or a recovery code. Starts the session and redirects on
    /// success; null with the reason (<see cref="LastResult"/>, or no result when the password step has expired).
    /// </summary>
    public async Task<IActionResult?> CompleteAsync(HttpContext context, string? code, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SecondStepUser(context) is not { } userId)
        {
            return null;
        }

        var result = await twoFactor.CompleteSignInAsync(userId, code, context.Connection.RemoteIpAddress?.ToString(), UserAgent(context), context.RequestAborted);
        context.Items[nameof(People.SignInResult)] = result;
        if (result.IsLockedOut)
        {
            context.Response.Cookies.Delete(SecondStepCookie, new CookieOptions { Path = SecondStepPath });
        }

        if (!result.Succeeded)
        {
            return null;
        }

        context.Response.Cookies.Delete(SecondStepCookie, new CookieOptions { Path = SecondStepPath });
        return await StartSessionAsync(context, result, returnUrl);
    }

    /// <summary>How the last sign-in step on this request went.</summary>
    public static People.SignInResult? LastResult(HttpContext context) => context?.Items[nameof(People.SignInResult)] as People.SignInResult;

    private Guid? SecondStepUser(HttpContext context)
    {
        try
        {
            return context.Request.Cookies[SecondStepCookie] is { Length: > 0 } value && Guid.TryParse(_secondStep.Unprotect(value, out _), out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static async Task<IActionResult> StartSessionAsync(HttpContext context, People.SignInResult result, string? returnUrl)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return new LocalRedirectResult(ReturnUrls.LocalOrHome(returnUrl));
    }

    private static string? UserAgent(HttpContext context) => context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}
