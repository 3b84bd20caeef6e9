using Extensible.Admin.Mail;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Members;

/// <summary>The workspace's people: invite by link, change roles, remove.</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class IndexModel(PeopleDirectory directory, PeopleService people, InvitationMail invitationMail) : PageModel
{
    public string WorkspaceName => User.FindFirst(ConsoleClaims.WorkspaceName)?.Value ?? "";

    public IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    public IReadOnlyList<InvitationRecord> Invitations { get; private set; } = [];

    public string? InvitationLink { get; private set; }

    public string? InvitedEmail { get; private set; }

    /// <summary>Whether invitations are mailed as well as shown.</summary>
    public bool MailsInvitations => invitationMail.IsConfigured;

    /// <summary>Whether the new invitation was mailed, and if not, why; null when no mail server is configured.</summary>
    public MailOutcome? InvitationMailed { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostInviteAsync(string? email, Role role, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        var secret = await people.InviteAsync(User.WorkspaceId(), email, role, User.Role(), User.Actor(), cancellationToken);
        InvitationLink = invitationMail.Link(secret, $"{Request.Scheme}://{Request.Host}");
        InvitedEmail = email?.Trim();
        InvitationMailed = invitationMail.IsConfigured ? await invitationMail.SendAsync(secret, InvitationLink, User, cancellationToken) : null;
    }, cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(Guid userId, Role role, CancellationToken cancellationToken) =>
        RunAsync(() => people.ChangeRoleAsync(User.WorkspaceId(), userId, role, User.Role(), User.Actor(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        RunAsync(() => people.RemoveMemberAsync(User.WorkspaceId(), userId, User.Role(), User.Actor(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken) =>
        RunAsync(() => people.RevokeInvitationAsync(User.WorkspaceId(), invitationId, User.Actor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await change();
            }
            catch (PeopleValidationException e)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await directory.MembersAsync(User.WorkspaceId(), cancellationToken);
        Invitations = await directory.PendingInvitationsAsync(User.WorkspaceId(), cancellationToken);
    }
}
