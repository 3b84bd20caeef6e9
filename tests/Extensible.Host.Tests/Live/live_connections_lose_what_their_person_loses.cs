using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.People.Sessions;
using Extensible.Testing.Hosts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Live;

/// <summary>
/// An open console connection holds no more rights than its person holds now: a demotion, a removal or the end of its
/// session closes it at once, and a call it makes meanwhile is refused.
/// </summary>
public sealed class live_connections_lose_what_their_person_loses(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task a_demoted_admin_is_closed_and_may_no_longer_join_the_members_view()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        await using var connection = await ConsoleConnection.OpenAsync(api.Host.Address, await api.SessionCookieAsync(admin.Email));
        await connection.JoinViewAsync("members");

        await api.People.ChangeRoleAsync(api.WorkspaceId, admin.UserId, Role.Analyst, Role.Owner, ApiHost.OwnerEmail);

        // Whether the call meets the closed connection or the check before it, it is refused.
        await Assert.ThrowsAnyAsync<Exception>(() => connection.JoinViewAsync("members"));
        await connection.ClosedAsync();
    }

    [Fact]
    public async Task a_signed_out_session_is_closed_and_another_session_of_the_person_stays_open()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        var (sessionId, cookie) = await api.SessionAsync(editor.Email);
        await using var signedOut = await ConsoleConnection.OpenAsync(api.Host.Address, cookie);
        await using var other = await ConsoleConnection.OpenAsync(api.Host.Address, await api.SessionCookieAsync(editor.Email));

        await api.People.RevokeSessionAsync(editor.UserId, sessionId, editor.Email);

        await signedOut.ClosedAsync();
        await other.JoinViewAsync("compose");
        Assert.False(other.IsClosed);
    }

    [Fact]
    public async Task a_member_signed_out_everywhere_is_closed()
    {
        var moderator = await api.AddMemberAsync(Role.Moderator);
        await using var connection = await ConsoleConnection.OpenAsync(api.Host.Address, await api.SessionCookieAsync(moderator.Email));

        await api.Host.Services.GetRequiredService<SessionService>()
            .SignOutEverywhereAsync(api.WorkspaceId, moderator.UserId, api.Owner.UserId, Role.Owner, ApiHost.OwnerEmail);

        await connection.ClosedAsync();
    }

    [Fact]
    public async Task a_removed_member_is_closed_and_cannot_connect_again()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var cookie = await api.SessionCookieAsync(admin.Email);
        await using var connection = await ConsoleConnection.OpenAsync(api.Host.Address, cookie);
        await connection.JoinViewAsync("members");

        await api.People.RemoveMemberAsync(api.WorkspaceId, admin.UserId, Role.Owner, ApiHost.OwnerEmail);

        await connection.ClosedAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConsoleConnection.OpenAsync(api.Host.Address, cookie));
    }

    [Fact]
    public async Task a_connection_on_another_node_is_closed_when_the_role_changes_on_this_one()
    {
        await using var otherNode = await ExtensibleTestHost.StartAsync(api.ConnectionString);
        var admin = await api.AddMemberAsync(Role.Admin);
        await using var connection = await ConsoleConnection.OpenAsync(otherNode.Address, await api.SessionCookieAsync(admin.Email));
        await connection.JoinViewAsync("members");

        await api.People.ChangeRoleAsync(api.WorkspaceId, admin.UserId, Role.Editor, Role.Owner, ApiHost.OwnerEmail);

        await connection.ClosedAsync();
    }
}
