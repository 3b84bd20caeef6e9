using Extensible.People;
using Extensible.People.Passwords;
using Extensible.People.Sessions;
using Extensible.People.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Members;

/// <summary>
/// What owners and admins do to a member's sign-in from the People page: a password reset link (shown once), signing
/// them out everywhere, turning their two-factor sign-in off. Nobody acts on someone who outranks them.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class SecurityModel(PeopleDirectory directory, PasswordService passwords, SessionService sessions, TwoFactorService twoFactor) : PageModel
{
    public MemberRecord? Member { get; private set; }

    public string? ResetLink { get; private set; }

    public DateTimeOffset? ResetLinkExpiresAt { get; private set; }

    public string? Notice { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Members/Index");

    public Task<IActionResult> OnPostResetLinkAsync(Guid userId, CancellationToken cancellationToken) => RunAsync(userId, async () =>
    {
        var (secret, expiresAt) = await passwords.CreateResetLinkAsync(User.WorkspaceId(), userId, User.UserId(), User.Role(), User.Actor(), cancellationToken);
        ResetLink = $"{Request.Scheme}://{Request.Host}/account/reset/{secret}";
        ResetLinkExpiresAt = expiresAt;
    }, cancellationToken);

    public Task<IActionResult> OnPostSignOutAsync(Guid userId, CancellationToken cancellationToken) => RunAsync(userId, async () =>
    {
        await sessions.SignOutEverywhereAsync(User.WorkspaceId(), userId, User.UserId(), User.Role(), User.Actor(), cancellationToken);
        Notice = "is signed out everywhere.";
    }, cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid userId, CancellationToken cancellationToken) => RunAsync(userId, async () =>
    {
        await twoFactor.ResetAsync(User.WorkspaceId(), userId, User.UserId(), User.Role(), User.Actor(), cancellationToken);
        Notice = "signs in with a password alone until they turn two-factor sign-in on again.";
    }, cancellationToken);

    private async Task<IActionResult> RunAsync(Guid userId, Func<Task> change, CancellationToken cancellationToken)
    {
        Member = (await directory.MembersAsync(User.WorkspaceId(), cancellationToken)).FirstOrDefault(m => m.UserId == userId);
        try
        {
            await change();
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return Page();
    }
}
