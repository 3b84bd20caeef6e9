using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class me_describes_the_caller(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task with_a_token()
    {
        using var client = api.Client(ApiHost.OwnerToken);

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal(api.Owner.UserId, me.GetProperty("userId").GetGuid());
        Assert.Equal(ApiHost.OwnerEmail, me.Text("email"));
        Assert.Equal("Olive Owner", me.Text("name"));
        Assert.Equal(api.WorkspaceId, me.GetProperty("workspaceId").GetGuid());
        Assert.Equal("Acme", me.Text("workspaceName"));
        Assert.Equal("Owner", me.Text("role"));
        Assert.True(me.GetProperty("viaToken").GetBoolean());
        Assert.NotEqual(Guid.Empty, me.GetProperty("tokenId").GetGuid());
    }

    [Fact]
    public async Task with_the_role_of_the_token()
    {
        var analyst = await api.AddMemberAsync(Role.Analyst);
        using var client = api.Client(analyst.Token);

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal(analyst.UserId, me.GetProperty("userId").GetGuid());
        Assert.Equal("Analyst", me.Text("role"));
    }

    [Fact]
    public async Task with_a_session_cookie()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        using var client = api.Client(cookie: await api.SessionCookieAsync(editor.Email));

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal(editor.UserId, me.GetProperty("userId").GetGuid());
        Assert.Equal("Editor", me.Text("role"));
        Assert.False(me.GetProperty("viaToken").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("tokenId").ValueKind);
    }

    [Fact]
    public async Task a_token_never_outranks_its_person()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        await api.People.ChangeRoleAsync(api.WorkspaceId, admin.UserId, Role.Moderator, Role.Owner, ApiHost.OwnerEmail);
        using var client = api.Client(admin.Token);

        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal("Moderator", me.Text("role"));
    }
}
