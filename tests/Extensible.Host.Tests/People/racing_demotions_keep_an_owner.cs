using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class racing_demotions_keep_an_owner(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task two_owners_demoting_each_other_at_once_leave_exactly_one_owner()
    {
        var (ownerId, _) = await host.OwnerAsync();
        // Many rounds: each decides on the members it read; without the stream's version both demotions would pass.
        for (var round = 0; round < 12; round++)
        {
            var workspaceId = await host.People.CreateWorkspaceAsync($"Race {round}", ownerId, "owner@example.com");
            var (secondId, secondEmail) = await host.MemberAsync(workspaceId, Role.Admin);
            await host.People.ChangeRoleAsync(workspaceId, secondId, Role.Owner, Role.Owner, "owner@example.com");
            using var start = new SemaphoreSlim(0, 2);

            var outcomes = await Task.WhenAll(
                Task.Run(async () => { await start.WaitAsync(); return await OutcomeAsync(() => host.People.ChangeRoleAsync(workspaceId, secondId, Role.Admin, Role.Owner, "owner@example.com")); }),
                Task.Run(async () => { await start.WaitAsync(); return await OutcomeAsync(() => host.People.RemoveMemberAsync(workspaceId, ownerId, Role.Owner, secondEmail)); }),
                Task.Run(() => { start.Release(2); return Task.FromResult("started"); }));

            var owners = (await host.Directory.MembersAsync(workspaceId)).Where(m => m.Role == Role.Owner).ToList();
            Assert.Single(owners);
            Assert.Equal(1, outcomes.Count(o => o == "done"));
            Assert.Equal(1, outcomes.Count(o => o == "A workspace keeps at least one owner."));
        }
    }

    private static async Task<string> OutcomeAsync(Func<Task> change)
    {
        try
        {
            await change();
            return "done";
        }
        catch (PeopleValidationException e)
        {
            return e.Message;
        }
    }
}
