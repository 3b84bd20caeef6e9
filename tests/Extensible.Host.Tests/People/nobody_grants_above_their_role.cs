using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class nobody_grants_above_their_role(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task a_moderator_cannot_grant_admin()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (analystId, _) = await host.MemberAsync(workspaceId, Role.Analyst);
        var before = await host.EventCountAsync();

        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.InviteAsync(workspaceId, "boss@example.com", Role.Admin, Role.Moderator, "moderator@example.com"));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.ChangeRoleAsync(workspaceId, analystId, Role.Admin, Role.Moderator, "moderator@example.com"));

        Assert.Equal(before, await host.EventCountAsync());
    }

    [Fact]
    public async Task an_admin_neither_makes_nor_unmakes_owners_but_manages_the_rest()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (editorId, _) = await host.MemberAsync(workspaceId, Role.Editor);

        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.InviteAsync(workspaceId, "owner2@example.com", Role.Owner, Role.Admin, "admin@example.com"));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.ChangeRoleAsync(workspaceId, editorId, Role.Owner, Role.Admin, "admin@example.com"));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.ChangeRoleAsync(workspaceId, ownerId, Role.Analyst, Role.Admin, "admin@example.com"));
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.RemoveMemberAsync(workspaceId, ownerId, Role.Admin, "admin@example.com"));

        await host.People.ChangeRoleAsync(workspaceId, editorId, Role.Admin, Role.Admin, "admin@example.com");
        Assert.Equal(Role.Admin, (await host.Directory.MembersAsync(workspaceId)).Single(m => m.UserId == editorId).Role);
    }

    [Fact]
    public async Task a_token_never_outranks_its_creator()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (editorId, email) = await host.MemberAsync(workspaceId, Role.Editor);

        var refused = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.CreateApiTokenAsync(workspaceId, editorId, "up", Role.Admin, Role.Editor, email));
        Assert.Equal("Role", refused.Field);

        var token = await host.People.CreateApiTokenAsync(workspaceId, editorId, "same", Role.Editor, Role.Editor, email);
        await host.People.ChangeRoleAsync(workspaceId, editorId, Role.Analyst, Role.Owner, "owner@example.com");
        Assert.Equal(Role.Analyst, (await host.Directory.AuthenticateTokenAsync(token))!.Role);
    }
}
