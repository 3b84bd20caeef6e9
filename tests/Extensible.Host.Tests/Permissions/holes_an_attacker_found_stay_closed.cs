using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.People;

namespace Extensible.Host.Tests.Permissions;

/// <summary>The smaller holes found by trying the console and API as an attacker would.</summary>
public sealed class holes_an_attacker_found_stay_closed(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_admin_cannot_withdraw_another_workspaces_invitation()
    {
        var otherWorkspace = await api.People.CreateWorkspaceAsync("Other brand", api.Owner.UserId, ApiHost.OwnerEmail);
        await api.People.InviteAsync(otherWorkspace, $"guest-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, ApiHost.OwnerEmail);
        var invitation = (await api.Directory.PendingInvitationsAsync(otherWorkspace)).Single();
        var admin = await api.AddMemberAsync(Role.Admin);

        using var response = await api.PostFormAsync(await api.SessionCookieAsync(admin.Email), "/members?handler=Revoke",
            new Dictionary<string, string> { ["invitationId"] = invitation.Id.ToString() });

        Assert.Contains("no such pending invitation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await api.Directory.PendingInvitationsAsync(otherWorkspace));
    }

    [Fact]
    public async Task an_admin_cannot_revoke_an_owners_tokens()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var (ownerTokenId, ownerToken) = await api.NewTokenAsync(api.Owner);
        using var client = api.Client(admin.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/tokens/{ownerTokenId}")).StatusCode);

        Assert.NotNull(await api.Directory.AuthenticateTokenAsync(ownerToken));
        // An admin still revokes the tokens of those their role covers.
        var editor = await api.AddMemberAsync(Role.Editor);
        var (editorTokenId, editorToken) = await api.NewTokenAsync(editor);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{editorTokenId}")).StatusCode);
        Assert.Null(await api.Directory.AuthenticateTokenAsync(editorToken));
    }

    [Fact]
    public async Task the_bootstrap_tokens_listed_prefix_is_no_part_of_its_secret()
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var tokens = await (await client.GetAsync("/api/v1/tokens")).JsonAsync();

        var bootstrap = tokens.EnumerateArray().Single(t => t.Text("name") == "bootstrap");
        Assert.DoesNotContain(bootstrap.Text("prefix"), ApiHost.OwnerToken, StringComparison.Ordinal);
        Assert.Equal([Capabilities.OperateServer, Capabilities.CreateWorkspaces], bootstrap.GetProperty("serverCapabilities").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal).ToArray());
    }
}
