using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class setup_happens_once(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task a_second_setup_is_refused_and_stores_nothing()
    {
        Assert.False(await host.Directory.AnyUserAsync());
        var (ownerId, workspaceId) = await host.People.SetUpAsync("first@example.com", "First", PeopleHost.Password, "Acme");
        var after = await host.EventCountAsync();

        var second = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.SetUpAsync("second@example.com", "Second", PeopleHost.Password, "Other"));

        Assert.Equal("Email", second.Field);
        Assert.Equal(after, await host.EventCountAsync());
        Assert.Null(await host.Directory.FindUserByEmailAsync("second@example.com"));
        Assert.True((await host.Directory.FindUserAsync(ownerId))!.IsOwner);
        var membership = Assert.Single(await host.Directory.WorkspacesOfAsync(ownerId));
        Assert.Equal((workspaceId, "Acme", Role.Owner), (membership.WorkspaceId, membership.WorkspaceName, membership.Role));
    }
}
