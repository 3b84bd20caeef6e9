using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class workspaces_are_listed_and_created(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_owner_creates_a_workspace_they_own()
    {
        using var client = api.Client(ApiHost.OwnerToken);

        var created = await (await client.PostJsonAsync("/api/v1/workspaces", """{"name":"  Globex  "}""")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Globex", created.Text("name"));
        Assert.Equal("Owner", created.Text("role"));
        var id = created.GetProperty("id").GetGuid();
        var mine = await api.Directory.WorkspacesOfAsync(api.Owner.UserId);
        Assert.Contains(mine, w => w.WorkspaceId == id && w.Role == Role.Owner && w.WorkspaceName == "Globex");
    }

    [Fact]
    public async Task a_session_lists_every_workspace_of_its_person_with_the_role_in_each()
    {
        var person = await api.AddMemberAsync(Role.Editor);
        var other = await api.People.CreateWorkspaceAsync("Initech", api.Owner.UserId, ApiHost.OwnerEmail);
        var secret = await api.People.InviteAsync(other, person.Email, Role.Analyst, Role.Owner, ApiHost.OwnerEmail);
        await api.People.JoinInvitationAsync(secret, person.UserId);
        using var client = api.Client(cookie: await api.SessionCookieAsync(person.Email));

        var list = await (await client.GetAsync("/api/v1/workspaces")).JsonAsync();

        var byId = list.EnumerateArray().ToDictionary(w => w.GetProperty("id").GetGuid());
        Assert.Equal(2, byId.Count);
        Assert.Equal("Editor", byId[api.WorkspaceId].Text("role"));
        Assert.Equal("Analyst", byId[other].Text("role"));
        Assert.Equal("Initech", byId[other].Text("name"));
        Assert.Single(byId.Values, w => w.GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task a_token_sees_only_its_own_workspace()
    {
        var person = await api.AddMemberAsync(Role.Moderator);
        var other = await api.People.CreateWorkspaceAsync("Umbrella", api.Owner.UserId, ApiHost.OwnerEmail);
        var secret = await api.People.InviteAsync(other, person.Email, Role.Admin, Role.Owner, ApiHost.OwnerEmail);
        await api.People.JoinInvitationAsync(secret, person.UserId);
        using var client = api.Client(person.Token);

        var list = await (await client.GetAsync("/api/v1/workspaces")).JsonAsync();

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(api.WorkspaceId, only.GetProperty("id").GetGuid());
        Assert.Equal("Moderator", only.Text("role"));
        Assert.True(only.GetProperty("current").GetBoolean());
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Analyst)]
    public async Task nobody_below_owner_creates_one(Role role)
    {
        var person = await api.AddMemberAsync(role);
        using var client = api.Client(person.Token);
        var before = await api.EventCountAsync();

        var response = await client.PostJsonAsync("/api/v1/workspaces", """{"name":"Sneaky"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }
}
