using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.SignIn;

public sealed class signing_in(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task a_wrong_password_is_refused_with_a_message_and_no_session()
    {
        await using var tab = await console.OpenTabAsync();

        await tab.SignInAsync(OwnedConsole.OwnerEmail, "not the password");

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/account/login").ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await tab.OpenAsync("/");
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));
        tab.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        await using var tab = await console.OpenTabAsync();

        await tab.SignInAsync("nobody@example.com", OwnedConsole.Password);

        await Expect(tab.Main.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        tab.AssertNothingWentWrong();
    }

    [Fact]
    public async Task the_right_password_opens_the_dashboard()
    {
        await using var tab = await console.OpenTabAsync();

        await tab.SignInAsync(OwnedConsole.OwnerEmail, OwnedConsole.Password);

        await Expect(tab.Page).ToHaveURLAsync(console.Host.Address.ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {OwnedConsole.OwnerName}" })).ToBeVisibleAsync();
        await Expect(tab.Page.Locator(".user-menu .user-name")).ToHaveTextAsync(OwnedConsole.OwnerName);
        tab.AssertNothingWentWrong();
    }

    [Fact]
    public async Task signing_in_returns_to_the_page_that_asked_for_it()
    {
        await using var tab = await console.OpenTabAsync();
        await tab.OpenAsync("/members");
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fmembers$"));

        await tab.Main.GetByLabel("Email").FillAsync(OwnedConsole.OwnerEmail);
        await tab.Main.GetByLabel("Password").FillAsync(OwnedConsole.Password);
        await tab.SubmitAsync("Sign in");

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/members").ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "People in Acme" })).ToBeVisibleAsync();
        tab.AssertNothingWentWrong();
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        // A session of its own: signing out revokes it, and the other tests share the owner's.
        await using var tab = await console.OpenTabAsync();
        await tab.SignInAsync(OwnedConsole.OwnerEmail, OwnedConsole.Password);

        await tab.SubmitAsync("Sign out", tab.Page.Locator("header"));

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/account/login").ToString());
        await tab.OpenAsync("/");
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));
        tab.AssertNothingWentWrong();
    }
}
