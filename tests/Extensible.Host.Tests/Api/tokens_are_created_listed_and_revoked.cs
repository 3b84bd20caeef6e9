using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class tokens_are_created_listed_and_revoked(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task a_new_token_is_shown_once_and_works_with_its_role()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        using var client = await api.ConsoleClientAsync(editor.Email);

        var created = await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"scheduler","role":"Analyst","expiresAt":"2999-01-01T00:00:00Z"}"""))
            .JsonAsync(HttpStatusCode.Created);

        var token = created.Text("token");
        Assert.StartsWith("ext_", token, StringComparison.Ordinal);
        Assert.Equal("Analyst", created.Text("role"));
        Assert.Equal(new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), created.GetProperty("expiresAt").GetDateTimeOffset());
        var me = await (await api.Client(token).GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("Analyst", me.Text("role"));
        Assert.Equal(created.GetProperty("id").GetGuid(), me.GetProperty("tokenId").GetGuid());

        var listed = await client.GetAsync("/api/v1/tokens");
        var text = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        var list = await listed.JsonAsync();
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid() && t.Text("name") == "scheduler");
        Assert.All(list.EnumerateArray(), t => Assert.False(t.TryGetProperty("token", out _)));
    }

    [Fact]
    public async Task the_list_holds_only_the_callers_own_tokens()
    {
        var one = await api.AddMemberAsync(Role.Moderator);
        var other = await api.AddMemberAsync(Role.Moderator);
        var (otherTokenId, _) = await api.NewTokenAsync(other);

        var list = await (await api.Client(one.Token).GetAsync("/api/v1/tokens")).JsonAsync();

        Assert.Single(list.EnumerateArray());
        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("id").GetGuid() == otherTokenId);
    }

    [Fact]
    public async Task nobody_makes_a_token_above_their_role()
    {
        var moderator = await api.AddMemberAsync(Role.Moderator);
        var before = await api.EventCountAsync();

        var response = await api.Client(moderator.Token).PostJsonAsync("/api/v1/tokens", """{"name":"escalate","role":"Admin"}""");

        Assert.Equal(["role"], await response.ValidationErrorsAsync());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task a_revoked_token_stops_working_at_once()
    {
        var analyst = await api.AddMemberAsync(Role.Analyst);
        var (id, token) = await api.NewTokenAsync(analyst);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(token).GetAsync("/api/v1/me")).StatusCode);

        var revoked = await api.Client(analyst.Token).DeleteAsync($"/api/v1/tokens/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await api.Client(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.True((await api.Directory.TokensAsync(api.WorkspaceId, analyst.UserId)).Single(t => t.Id == id).Revoked);
    }

    [Fact]
    public async Task only_admins_revoke_other_peoples_tokens()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        var victim = await api.AddMemberAsync(Role.Analyst);
        var admin = await api.AddMemberAsync(Role.Admin);
        var (id, token) = await api.NewTokenAsync(victim);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(editor.Token).DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(token).GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Client(admin.Token).DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task an_unknown_token_id_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client(ApiHost.OwnerToken).DeleteAsync($"/api/v1/tokens/{Guid.NewGuid()}")).StatusCode);
    }
}
