namespace Extensible.People;

/// <summary>Who may reset a member's password or second factor, or sign them out everywhere.</summary>
internal static class MemberGuard
{
    /// <summary>
    /// An owner or admin acts on another member's sign-in only if their role holds all of that member's role's capabilities in every
    /// workspace the member belongs to (only owners act on owners): otherwise an admin here could take over an
    /// account that owns another workspace.
    /// </summary>
    /// <returns>The member.</returns>
    public static async Task<MemberRecord> EnsureMayManageAsync(PeopleDirectory directory, Guid workspaceId, Guid memberId, Guid actorId, Role actorRole, CancellationToken cancellationToken)
    {
        if (!Capabilities.Of(actorRole).Contains(Capabilities.ManagePeople))
        {
            throw new PeopleValidationException("Role", "Only owners and admins manage other people's sign-in.");
        }

        var member = (await directory.MembersAsync(workspaceId, cancellationToken)).FirstOrDefault(m => m.UserId == memberId)
            ?? throw new PeopleValidationException("Member", "That person is not a member of this workspace.");
        if (memberId == actorId)
        {
            throw new PeopleValidationException("UserId", "That is you: change your own password and two-factor sign-in on your security page.");
        }

        var mine = (await directory.WorkspacesOfAsync(actorId, cancellationToken)).ToDictionary(w => w.WorkspaceId, w => w.Role);
        mine[workspaceId] = actorRole;
        foreach (var theirs in await directory.WorkspacesOfAsync(memberId, cancellationToken))
        {
            if (!mine.TryGetValue(theirs.WorkspaceId, out var role) || !Capabilities.Covers(role, theirs.Role))
            {
                throw new PeopleValidationException("Role", $"{member.DisplayName} holds a higher role than yours (here or in another workspace): ask someone who outranks them.");
            }
        }

        return member;
    }
}
