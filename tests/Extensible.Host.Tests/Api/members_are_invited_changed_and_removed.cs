using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class members_are_invited_changed_and_removed(ApiHost api) : IClassFixture<ApiHost>
{
    private string Members => $"/api/v1/workspaces/{api.WorkspaceId}/members";

    [Fact]
    public async Task any_member_lists_the_members()
    {
        var analyst = await api.AddMemberAsync(Role.Analyst, name: "Ann <b>Analyst</b>");
        using var client = api.Client(analyst.Token);

        var members = await (await client.GetAsync(Members)).JsonAsync();

        var byId = members.EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetGuid());
        Assert.Equal("Owner", byId[api.Owner.UserId].Text("role"));
        Assert.Equal("Analyst", byId[analyst.UserId].Text("role"));
        Assert.Equal("Ann <b>Analyst</b>", byId[analyst.UserId].Text("name"));
        Assert.Equal(analyst.Email, byId[analyst.UserId].Text("email"));
    }

    [Fact]
    public async Task an_invitation_link_is_returned_once_and_lets_the_person_join_with_the_role()
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var email = $"new-{Guid.NewGuid():N}@example.com";

        var invitation = await (await client.PostJsonAsync($"/api/v1/workspaces/{api.WorkspaceId}/invitations", $$"""{"email":"{{email}}","role":"editor"}"""))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(email, invitation.Text("email"));
        Assert.Equal("Editor", invitation.Text("role"));
        var link = invitation.Text("link");
        Assert.StartsWith("/invitations/", link, StringComparison.Ordinal);
        Assert.True(invitation.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        // No mail server is configured: nothing was mailed, and that is no problem.
        Assert.False(invitation.GetProperty("mailed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, invitation.GetProperty("mailProblem").ValueKind);
        var userId = await api.People.AcceptInvitationAsync(link["/invitations/".Length..], "Ed Editor", ApiHost.Password);
        var members = await (await client.GetAsync(Members)).JsonAsync();
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("userId").GetGuid() == userId && m.Text("role") == "Editor");
        var pending = await api.Directory.PendingInvitationsAsync(api.WorkspaceId);
        Assert.DoesNotContain(pending, p => p.Email == email);
    }

    [Fact]
    public async Task an_admin_cannot_invite_an_owner()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        using var client = api.Client(admin.Token);
        var before = await api.EventCountAsync();

        var response = await client.PostJsonAsync($"/api/v1/workspaces/{api.WorkspaceId}/invitations", """{"email":"boss@example.com","role":"Owner"}""");

        Assert.Equal(["role"], await response.ValidationErrorsAsync());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task an_admin_changes_a_role_and_removes_a_member()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var member = await api.AddMemberAsync(Role.Analyst);
        using var client = api.Client(admin.Token);

        var changed = await (await client.PutJsonAsync($"{Members}/{member.UserId}/role", """{"role":"Moderator"}""")).JsonAsync();
        Assert.Equal("Moderator", changed.Text("role"));
        Assert.Contains(await api.Directory.MembersAsync(api.WorkspaceId), m => m.UserId == member.UserId && m.Role == Role.Moderator);
        // A token keeps the role it was made with: a promotion does not raise it.
        Assert.Equal("Analyst", (await (await api.Client(member.Token).GetAsync("/api/v1/me")).JsonAsync()).Text("role"));

        var removed = await client.DeleteAsync($"{Members}/{member.UserId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(await api.Directory.MembersAsync(api.WorkspaceId), m => m.UserId == member.UserId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(member.Token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task an_admin_cannot_touch_an_owner()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        using var client = api.Client(admin.Token);

        Assert.Equal(["role"], await (await client.PutJsonAsync($"{Members}/{api.Owner.UserId}/role", """{"role":"Analyst"}""")).ValidationErrorsAsync());
        Assert.Equal(["role"], await (await client.DeleteAsync($"{Members}/{api.Owner.UserId}")).ValidationErrorsAsync());
        Assert.Contains(await api.Directory.MembersAsync(api.WorkspaceId), m => m.UserId == api.Owner.UserId && m.Role == Role.Owner);
    }

    [Fact]
    public async Task the_last_owner_is_neither_demoted_nor_removed()
    {
        using var client = api.Client(ApiHost.OwnerToken);

        Assert.Equal(["role"], await (await client.PutJsonAsync($"{Members}/{api.Owner.UserId}/role", """{"role":"Admin"}""")).ValidationErrorsAsync());
        Assert.Equal(["role"], await (await client.DeleteAsync($"{Members}/{api.Owner.UserId}")).ValidationErrorsAsync());
    }

    [Fact]
    public async Task someone_who_is_not_a_member_is_not_found()
    {
        using var client = api.Client(ApiHost.OwnerToken);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJsonAsync($"{Members}/{Guid.NewGuid()}/role", """{"role":"Admin"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{Members}/{Guid.NewGuid()}")).StatusCode);
    }
}
