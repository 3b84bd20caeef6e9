using System.Net;
using System.Text.Json;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class sessions_are_listed_and_revoked(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task the_list_shows_the_callers_sessions_and_which_one_is_calling()
    {
        var moderator = await api.AddMemberAsync(Role.Moderator);
        var (here, cookie) = await api.SessionAsync(moderator.Email);
        var (elsewhere, _) = await api.SessionAsync(moderator.Email);
        await api.SessionAsync(api.Owner.Email);

        var list = await (await api.Client(cookie: cookie).GetAsync("/api/v1/me/sessions")).JsonAsync();

        var sessions = list.EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.True(sessions.Single(s => s.GetProperty("id").GetGuid() == here).GetProperty("current").GetBoolean());
        Assert.False(sessions.Single(s => s.GetProperty("id").GetGuid() == elsewhere).GetProperty("current").GetBoolean());
        Assert.Equal("127.0.0.1", sessions[0].Text("remoteAddress"));
        // The calling session was just used; the other has not been since sign-in.
        Assert.Equal(JsonValueKind.String, sessions.Single(s => s.GetProperty("id").GetGuid() == here).GetProperty("lastSeen").ValueKind);
        Assert.Equal(JsonValueKind.Null, sessions.Single(s => s.GetProperty("id").GetGuid() == elsewhere).GetProperty("lastSeen").ValueKind);
    }

    [Fact]
    public async Task a_revoked_sessions_cookie_stops_working_at_its_next_request()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        var (session, cookie) = await api.SessionAsync(editor.Email);
        using var victim = api.Client(cookie: cookie);
        await (await victim.GetAsync("/api/v1/me")).JsonAsync();

        using var deleted = await api.Client(editor.Token).DeleteAsync($"/api/v1/me/sessions/{session}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/v1/me")).StatusCode);
        using var page = await victim.GetAsync("/members");
        Assert.Equal("/account/login", page.Headers.Location?.AbsolutePath ?? new Uri(new Uri("http://host"), page.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task nobody_revokes_someone_elses_session()
    {
        var one = await api.AddMemberAsync(Role.Analyst);
        var other = await api.AddMemberAsync(Role.Admin);
        var (session, cookie) = await api.SessionAsync(one.Email);

        using var deleted = await api.Client(other.Token).DeleteAsync($"/api/v1/me/sessions/{session}");

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        await (await api.Client(cookie: cookie).GetAsync("/api/v1/me")).JsonAsync();
    }

    [Fact]
    public async Task an_admin_signs_a_member_out_everywhere()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var member = await api.AddMemberAsync(Role.Moderator);
        var cookies = new[] { await api.SessionCookieAsync(member.Email), await api.SessionCookieAsync(member.Email) };

        using var done = await api.Client(admin.Token).DeleteAsync($"/api/v1/workspaces/{api.WorkspaceId}/members/{member.UserId}/sessions");

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        foreach (var cookie in cookies)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(cookie: cookie).GetAsync("/api/v1/me")).StatusCode);
        }

        var audit = await (await api.Client(api.Owner.Token).GetAsync("/api/v1/audit?type=member_signed_out_everywhere")).JsonAsync();
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.Text("user") == admin.Email);
    }
}
