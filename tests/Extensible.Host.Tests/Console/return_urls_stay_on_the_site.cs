using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Console;

/// <summary>
/// Every place the console sends someone back to an address it was given — after the password, after the second step,
/// after switching workspaces — goes there only when it is a path on this site, and to the dashboard otherwise: never
/// another site, never a 500 (a tab in <c>/&#9;/evil.example</c>, which browsers drop, made <c>LocalRedirect</c> throw).
/// </summary>
public sealed class return_urls_stay_on_the_site(ApiHost api) : IClassFixture<ApiHost>
{
    public static TheoryData<string> Foreign => new()
    {
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task signing_in_goes_to_the_dashboard_instead_of_a_foreign_return_url(string returnUrl)
    {
        using var browser = new ConsoleBrowser(api.Host.Address);
        var (_, token) = await browser.PageAsync($"/account/login?ReturnUrl={ConsoleBrowser.Encode(returnUrl)}");

        using var response = await browser.PostFormAsync("/account/login", [new("Email", ApiHost.OwnerEmail), new("Password", ApiHost.Password), new("ReturnUrl", returnUrl)], token);

        GoesHome(response);
    }

    [Fact]
    public async Task signing_in_goes_to_a_local_return_url()
    {
        using var browser = new ConsoleBrowser(api.Host.Address);
        var (_, token) = await browser.PageAsync("/account/login");

        using var response = await browser.PostFormAsync("/account/login", [new("Email", ApiHost.OwnerEmail), new("Password", ApiHost.Password), new("ReturnUrl", "/members?x=1")], token);

        Assert.Equal("/members?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task a_local_return_url_beyond_ascii_is_sent_percent_encoded()
    {
        // A Location header holds ASCII only: Kestrel refused to send '/caf\u00e9' (a 500).
        var other = await api.People.CreateWorkspaceAsync($"Other {Guid.NewGuid():N}", api.Owner.UserId, ApiHost.OwnerEmail);
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var (_, token) = await browser.PageAsync("/account/workspace");

        using var response = await browser.PostFormAsync("/account/workspace", [new("workspaceId", other.ToString()), new("returnUrl", "/caf\u00e9?q=\uFFFD")], token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/caf%C3%A9?q=%EF%BF%BD", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task the_second_step_goes_to_the_dashboard_instead_of_a_foreign_return_url(string returnUrl)
    {
        var (email, recoveryCodes) = await MemberWithTwoFactorAsync();
        using var browser = new ConsoleBrowser(api.Host.Address);
        var (_, token) = await browser.PageAsync("/account/login");

        using var password = await browser.PostFormAsync("/account/login", [new("Email", email), new("Password", ApiHost.Password), new("ReturnUrl", returnUrl)], token);
        Assert.Equal(ConsoleSignInPath, password.Headers.Location?.OriginalString);
        using var code = await browser.PostFormAsync(ConsoleSignInPath, [new("Code", recoveryCodes[0]), new("ReturnUrl", returnUrl)], token);

        GoesHome(code);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task switching_workspaces_goes_to_the_dashboard_instead_of_a_foreign_return_url(string returnUrl)
    {
        var other = await api.People.CreateWorkspaceAsync($"Other {Guid.NewGuid():N}", api.Owner.UserId, ApiHost.OwnerEmail);
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var (_, token) = await browser.PageAsync("/account/workspace");

        using var response = await browser.PostFormAsync("/account/workspace", [new("workspaceId", other.ToString()), new("returnUrl", returnUrl)], token);

        GoesHome(response);
    }

    [Fact]
    public async Task a_nul_in_the_return_url_is_a_clear_400()
    {
        // ASP.NET Core's form reader refuses a NUL in any field before a page sees it: a 400, not a 500.
        var other = await api.People.CreateWorkspaceAsync($"Other {Guid.NewGuid():N}", api.Owner.UserId, ApiHost.OwnerEmail);
        using var browser = new ConsoleBrowser(api.Host.Address);
        var (_, anonymous) = await browser.PageAsync("/account/login");
        using var signIn = await browser.PostFormAsync("/account/login", [new("Email", ApiHost.OwnerEmail), new("Password", ApiHost.Password), new("ReturnUrl", "/\0")], anonymous);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var (_, token) = await browser.PageAsync("/account/workspace");
        using var switched = await browser.PostFormAsync("/account/workspace", [new("workspaceId", other.ToString()), new("returnUrl", "/\0")], token);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, switched.StatusCode);
    }

    // A redirect to the dashboard; nothing else (a 500, another site, the foreign address kept for later).
    private static void GoesHome(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"Expected a redirect to /, got {(int)response.StatusCode} {response.Headers.Location}.");

    private const string ConsoleSignInPath = "/account/login/code";

    // A member with two-factor sign-in on, and their recovery codes (a code that does not depend on the clock).
    private async Task<(string Email, IReadOnlyList<string> RecoveryCodes)> MemberWithTwoFactorAsync()
    {
        var member = await api.AddMemberAsync(Role.Analyst);
        var twoFactor = api.Host.Services.GetRequiredService<TwoFactorService>();
        var clock = api.Host.Services.GetRequiredService<TimeProvider>();
        var enrollment = twoFactor.Begin(member.Email);
        var codes = await twoFactor.EnableAsync(member.UserId, enrollment.Sealed, Totp.Code(Base32.Decode(enrollment.Key)!, clock.GetUtcNow()));
        return (member.Email, codes);
    }
}
