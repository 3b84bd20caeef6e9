using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class too_low_roles_get_403(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_analyst_reads_but_changes_nothing()
    {
        var analyst = await api.AddMemberAsync(Role.Analyst);
        var target = await api.AddMemberAsync(Role.Analyst);
        using var client = api.Client(analyst.Token);
        var workspace = $"/api/v1/workspaces/{api.WorkspaceId}";
        var before = await api.EventCountAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{workspace}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"{workspace}/invitations", """{"email":"x@example.com","role":"Analyst"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync($"{workspace}/members/{target.UserId}/role", """{"role":"Analyst"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{workspace}/members/{target.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/workspaces", """{"name":"Mine"}""")).StatusCode);

        Assert.Equal(before, await api.EventCountAsync());
        Assert.Contains(await api.Directory.MembersAsync(api.WorkspaceId), m => m.UserId == target.UserId);
    }

    [Theory]
    [InlineData(Role.Editor)]
    [InlineData(Role.Moderator)]
    public async Task editors_and_moderators_manage_no_people(Role role)
    {
        var person = await api.AddMemberAsync(role);
        using var client = await api.ConsoleClientAsync(person.Email);

        var response = await client.PostJsonAsync($"/api/v1/workspaces/{api.WorkspaceId}/invitations", """{"email":"x@example.com","role":"Analyst"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":403", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_lower_role_token_of_a_higher_person_is_held_to_its_role()
    {
        var analystTokenOfOwner = await api.People.CreateApiTokenAsync(api.WorkspaceId, api.Owner.UserId, "read-only", Role.Analyst, Role.Owner, ApiHost.OwnerEmail);
        using var client = api.Client(analystTokenOfOwner);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/workspaces", """{"name":"Mine"}""")).StatusCode);
        Assert.Equal(["role"], await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"up","role":"Owner"}""")).ValidationErrorsAsync());
    }
}
