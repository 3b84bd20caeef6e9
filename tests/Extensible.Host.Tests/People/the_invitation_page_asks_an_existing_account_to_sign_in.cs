using System.Net;
using System.Text.RegularExpressions;
using Extensible.Host.Tests.Api;
using Extensible.People;

namespace Extensible.Host.Tests.People;

/// <summary>The invitation page never takes an existing account's password: it sends its person to sign in, then joins them.</summary>
public sealed partial class the_invitation_page_asks_an_existing_account_to_sign_in(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task a_password_posted_without_signing_in_joins_nothing_and_the_page_links_to_sign_in()
    {
        var (person, second, secret) = await InvitedAgainAsync();
        var page = $"/invitations/{Uri.EscapeDataString(secret)}";

        var shown = await (await api.Client().GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains($"/account/login?ReturnUrl={Uri.EscapeDataString(page)}", WebUtility.HtmlDecode(shown), StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", shown, StringComparison.Ordinal);

        // An antiforgery token from any form of the site is as good as one from this page.
        using var posted = await PostAsync(page, "/account/login", cookie: null, ("password", ApiHost.Password));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain(await api.Directory.WorkspacesOfAsync(person.UserId), w => w.WorkspaceId == second);
    }

    [Fact]
    public async Task the_invited_person_signed_in_joins_with_a_click()
    {
        var (person, second, secret) = await InvitedAgainAsync();
        var page = $"/invitations/{Uri.EscapeDataString(secret)}";

        using var joined = await PostAsync(page, page, await api.SessionCookieAsync(person.Email));

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains(await api.Directory.WorkspacesOfAsync(person.UserId), w => w.WorkspaceId == second && w.Role == Role.Moderator);
    }

    private async Task<(Person Person, Guid Second, string Secret)> InvitedAgainAsync()
    {
        var person = await api.AddMemberAsync(Role.Analyst);
        var second = await api.People.CreateWorkspaceAsync($"Second {Guid.NewGuid():N}", api.Owner.UserId, ApiHost.OwnerEmail);
        return (person, second, await api.People.InviteAsync(second, person.Email, Role.Moderator, Role.Owner, ApiHost.OwnerEmail));
    }

    // Posts the form of `page` with an antiforgery token taken from `formPage`, as a browser with `cookie` would.
    private async Task<HttpResponseMessage> PostAsync(string page, string formPage, string? cookie, params (string Name, string Value)[] fields)
    {
        using var form = await api.Client(cookie: cookie).GetAsync(formPage);
        var (antiforgery, token) = await ConsoleToken.ReadAsync(form);
        using var client = api.Client(cookie: cookie is null ? antiforgery : $"{cookie}; {antiforgery}");
        return await client.PostAsync(page, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }
}
