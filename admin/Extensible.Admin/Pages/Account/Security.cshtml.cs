using Extensible.People;
using Extensible.People.Passwords;
using Extensible.People.Sessions;
using Extensible.People.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>The signed-in person's own sign-in security: two-factor sign-in, sessions and password.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SecurityModel(PeopleDirectory directory, TwoFactorService twoFactor, SessionService sessions, PasswordService passwords) : PageModel
{
    public bool HasTwoFactor { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<SessionRecord> Sessions { get; private set; } = [];

    /// <summary>A key being turned on: shown until the person confirms it with a code.</summary>
    public TwoFactorEnrollment? Enrollment { get; private set; }

    /// <summary>Recovery codes, shown once right after two-factor sign-in is turned on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Notice { get; private set; }

    public Guid? CurrentSessionId => Guid.TryParse(User.FindFirst(ConsoleClaims.SessionId)?.Value, out var id) ? id : null;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostStartTwoFactorAsync(CancellationToken cancellationToken) => RunAsync(() =>
    {
        Enrollment = twoFactor.Begin(User.Actor());
        return Task.CompletedTask;
    }, cancellationToken);

    public Task<IActionResult> OnPostConfirmTwoFactorAsync(string? enrollment, string? code, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        RecoveryCodes = await twoFactor.EnableAsync(User.UserId(), enrollment, code, cancellationToken);
        Notice = "Two-factor sign-in is on.";
    }, cancellationToken);

    public Task<IActionResult> OnPostDisableTwoFactorAsync(string? password, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await twoFactor.DisableAsync(User.UserId(), password, cancellationToken);
        Notice = "Two-factor sign-in is off.";
    }, cancellationToken);

    public Task<IActionResult> OnPostRevokeSessionAsync(Guid sessionId, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        Notice = await sessions.RevokeAsync(User.UserId(), sessionId, User.Actor(), cancellationToken) ? "That session is signed out." : "That session had ended already.";
    }, cancellationToken);

    public Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var ended = await sessions.RevokeOthersAsync(User.UserId(), CurrentSessionId, User.Actor(), cancellationToken);
        Notice = ended == 1 ? "1 other session is signed out." : $"{ended} other sessions are signed out.";
    }, cancellationToken);

    public Task<IActionResult> OnPostChangePasswordAsync(string? currentPassword, string? newPassword, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await passwords.ChangeAsync(User.UserId(), currentPassword, newPassword, CurrentSessionId, cancellationToken);
        Notice = "Your password is changed, and your other sessions are signed out.";
    }, cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        HasTwoFactor = (await directory.FindUserAsync(userId, cancellationToken))?.HasTwoFactor == true;
        RecoveryCodesLeft = HasTwoFactor ? await directory.RecoveryCodesLeftAsync(userId, cancellationToken) : 0;
        Sessions = await directory.SessionsOfAsync(userId, cancellationToken);
    }
}
