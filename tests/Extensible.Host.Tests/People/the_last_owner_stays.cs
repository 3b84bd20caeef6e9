using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class the_last_owner_stays(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task the_only_owner_can_be_neither_demoted_nor_removed()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var before = await host.EventCountAsync();

        Assert.Equal("Role", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.ChangeRoleAsync(workspaceId, ownerId, Role.Admin, Role.Owner, "owner@example.com"))).Field);
        Assert.Equal("Role", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.RemoveMemberAsync(workspaceId, ownerId, Role.Owner, "owner@example.com"))).Field);

        Assert.Equal(before, await host.EventCountAsync());
        Assert.Contains(await host.Directory.MembersAsync(workspaceId), m => m.UserId == ownerId && m.Role == Role.Owner);
    }

    [Fact]
    public async Task with_a_second_owner_the_first_may_step_down()
    {
        var (ownerId, _) = await host.OwnerAsync();
        var workspaceId = await host.People.CreateWorkspaceAsync("Shared", ownerId, "owner@example.com");
        var (secondId, _) = await host.MemberAsync(workspaceId, Role.Admin);
        await host.People.ChangeRoleAsync(workspaceId, secondId, Role.Owner, Role.Owner, "owner@example.com");

        await host.People.ChangeRoleAsync(workspaceId, ownerId, Role.Admin, Role.Owner, "owner@example.com");

        var members = await host.Directory.MembersAsync(workspaceId);
        Assert.Equal(Role.Admin, members.Single(m => m.UserId == ownerId).Role);
        Assert.Equal(Role.Owner, members.Single(m => m.UserId == secondId).Role);
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.RemoveMemberAsync(workspaceId, secondId, Role.Owner, "second"));
    }
}
