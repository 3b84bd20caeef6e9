using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class password_reset_links_are_made_by_admins(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_admin_gets_a_link_once_and_the_audit_trail_keeps_no_hash()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var member = await api.AddMemberAsync(Role.Editor);

        var created = await (await api.Client(admin.Token).PostAsync(new Uri($"/api/v1/workspaces/{api.WorkspaceId}/members/{member.UserId}/password-reset", UriKind.Relative), null))
            .JsonAsync(HttpStatusCode.Created);

        var link = created.Text("link");
        Assert.StartsWith("/account/reset/", link, StringComparison.Ordinal);
        Assert.Equal(member.UserId, created.GetProperty("userId").GetGuid());
        using var page = await api.Client().GetAsync(link);
        Assert.Contains("Set a new password", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await api.Client(api.Owner.Token).GetAsync("/api/v1/audit?type=password_reset_link_created");
        var text = await audit.Content.ReadAsStringAsync();
        Assert.Contains(member.UserId.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("secretHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.UnescapeDataString(link["/account/reset/".Length..]), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_admin_cannot_reset_an_owner_and_an_editor_cannot_reset_anyone()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var editor = await api.AddMemberAsync(Role.Editor);
        var analyst = await api.AddMemberAsync(Role.Analyst);
        var before = await api.EventCountAsync();

        using var owner = await api.Client(admin.Token).PostAsync(new Uri($"/api/v1/workspaces/{api.WorkspaceId}/members/{api.Owner.UserId}/password-reset", UriKind.Relative), null);
        using var byEditor = await api.Client(editor.Token).PostAsync(new Uri($"/api/v1/workspaces/{api.WorkspaceId}/members/{analyst.UserId}/password-reset", UriKind.Relative), null);
        using var stranger = await api.Client(admin.Token).PostAsync(new Uri($"/api/v1/workspaces/{api.WorkspaceId}/members/{Guid.NewGuid()}/password-reset", UriKind.Relative), null);

        Assert.Contains("role", await owner.ValidationErrorsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }
}
