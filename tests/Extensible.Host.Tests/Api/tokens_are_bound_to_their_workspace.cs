using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class tokens_are_bound_to_their_workspace(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task another_workspace_of_the_same_owner_is_not_found_with_this_workspaces_token()
    {
        var other = await api.People.CreateWorkspaceAsync("Elsewhere", api.Owner.UserId, ApiHost.OwnerEmail);
        using var client = api.Client(ApiHost.OwnerToken);
        var before = await api.EventCountAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/workspaces/{other}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync($"/api/v1/workspaces/{other}/invitations", """{"email":"x@example.com","role":"Analyst"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJsonAsync($"/api/v1/workspaces/{other}/members/{api.Owner.UserId}/role", """{"role":"Admin"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/workspaces/{other}/members/{api.Owner.UserId}")).StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task a_token_of_another_workspace_sees_and_changes_only_that_one()
    {
        var other = await api.People.CreateWorkspaceAsync("Subsidiary", api.Owner.UserId, ApiHost.OwnerEmail);
        var otherToken = await api.People.CreateApiTokenAsync(other, api.Owner.UserId, "subsidiary", Role.Owner, Role.Owner, ApiHost.OwnerEmail);
        using var client = api.Client(otherToken);

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(other, me.GetProperty("workspaceId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/workspaces/{api.WorkspaceId}/members")).StatusCode);
        var members = await (await client.GetAsync($"/api/v1/workspaces/{other}/members")).JsonAsync();
        Assert.Single(members.EnumerateArray());

        var tokens = await (await client.GetAsync("/api/v1/tokens")).JsonAsync();
        Assert.All(tokens.EnumerateArray(), t => Assert.Equal("subsidiary", t.Text("name")));
        var audit = await (await client.GetAsync("/api/v1/audit?limit=200")).JsonAsync();
        Assert.All(audit.GetProperty("entries").EnumerateArray(), e => Assert.Equal($"workspace-{other}", e.Text("stream")));
    }

    [Fact]
    public async Task a_token_cannot_revoke_a_token_of_another_workspace()
    {
        var other = await api.People.CreateWorkspaceAsync("Far away", api.Owner.UserId, ApiHost.OwnerEmail);
        var otherToken = await api.People.CreateApiTokenAsync(other, api.Owner.UserId, "far", Role.Owner, Role.Owner, ApiHost.OwnerEmail);
        var otherId = (await api.Directory.AuthenticateTokenAsync(otherToken))!.TokenId;

        var response = await api.Client(ApiHost.OwnerToken).DeleteAsync($"/api/v1/tokens/{otherId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(otherToken).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task an_analyst_asking_to_administer_another_workspace_is_refused_by_role_first()
    {
        var analyst = await api.AddMemberAsync(Role.Analyst);

        var response = await api.Client(analyst.Token).PostJsonAsync($"/api/v1/workspaces/{Guid.NewGuid()}/invitations", """{"email":"x@example.com","role":"Analyst"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
