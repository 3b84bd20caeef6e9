using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class invitations_add_members_once(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task accepting_creates_the_member_with_the_role_and_the_link_works_once()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var secret = await host.People.InviteAsync(workspaceId, "new@example.com", Role.Editor, Role.Owner, "owner@example.com");

        var userId = await host.People.AcceptInvitationAsync(secret, "Nina New", PeopleHost.Password);

        var member = Assert.Single(await host.Directory.MembersAsync(workspaceId), m => m.UserId == userId);
        Assert.Equal(("new@example.com", "Nina New", Role.Editor), (member.Email, member.DisplayName, member.Role));
        Assert.True((await host.People.SignInAsync("new@example.com", PeopleHost.Password, null)).Succeeded);
        var before = await host.EventCountAsync();
        var again = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, "Someone Else", "another password"));
        Assert.Equal("Invitation", again.Field);
        Assert.Equal(before, await host.EventCountAsync());
    }

    [Fact]
    public async Task an_existing_account_joins_as_the_signed_in_person_it_is()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (userId, email) = await host.MemberAsync(workspaceId, Role.Analyst);
        var (otherId, _) = await host.MemberAsync(workspaceId, Role.Analyst);
        var second = await host.People.CreateWorkspaceAsync("Second", (await host.Directory.FindUserByEmailAsync("owner@example.com"))!.Id, "owner@example.com");
        var secret = await host.People.InviteAsync(second, email, Role.Moderator, Role.Owner, "owner@example.com");

        var someoneElse = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.JoinInvitationAsync(secret, otherId));
        Assert.Equal("Account", someoneElse.Field);

        await host.People.JoinInvitationAsync(secret, userId);
        Assert.Contains(await host.Directory.WorkspacesOfAsync(userId), w => w.WorkspaceId == second && w.Role == Role.Moderator);
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.JoinInvitationAsync(secret, userId));
    }

    [Fact]
    public async Task an_expired_or_withdrawn_invitation_is_refused()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var expired = await host.People.InviteAsync(workspaceId, "late@example.com", Role.Analyst, Role.Owner, "owner@example.com");
        var withdrawn = await host.People.InviteAsync(workspaceId, "withdrawn@example.com", Role.Analyst, Role.Owner, "owner@example.com");
        var invitation = (await host.Directory.FindInvitationAsync(withdrawn))!;
        await host.People.RevokeInvitationAsync(workspaceId, invitation.Id, "owner@example.com");

        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(withdrawn, "W", PeopleHost.Password));
        host.Clock.Advance(TimeSpan.FromDays(8));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(expired, "L", PeopleHost.Password));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync("not-a-secret-at-all", "X", PeopleHost.Password));
        Assert.Null(await host.Directory.FindUserByEmailAsync("late@example.com"));
        Assert.Null(await host.Directory.FindUserByEmailAsync("withdrawn@example.com"));
    }
}
