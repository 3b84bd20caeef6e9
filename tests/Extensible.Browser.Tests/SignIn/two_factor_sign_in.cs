using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.SignIn;

public sealed class two_factor_sign_in(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task turned_on_at_the_security_page_it_asks_for_a_code_after_the_password()
    {
        var email = await console.AddMemberAsync(Role.Editor, "Tess Two-Factor");
        await using var tab = await console.OpenTabAsync();
        await tab.SignInAsync(email, OwnedConsole.Password);
        await tab.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Security" }).ClickAsync();
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Security", Exact = true })).ToBeVisibleAsync();

        await tab.SubmitAsync("Set up two-factor sign-in");
        var key = Base32.Decode((await tab.Main.Locator("#two-factor-key").TextContentAsync())!)!;
        await Expect(tab.Main.Locator("#two-factor-uri")).ToContainTextAsync("otpauth://totp/");
        await tab.Main.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await tab.SubmitAsync("Turn on two-factor sign-in");

        await Expect(tab.Main.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Expect(tab.Main).ToContainTextAsync("On: signing in asks for a code");
        await tab.SubmitAsync("Sign out", tab.Page.Locator("header"));

        await tab.SignInAsync(email, OwnedConsole.Password);
        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/account/login/code").ToString());
        Assert.DoesNotContain(await tab.Page.Context.CookiesAsync(), c => c.Name == "ext-session");
        await tab.OpenAsync("/");
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2F$"));

        // The password step holds for a few minutes: back to the code without the password again. (Sign-in pages
        // are rate-limited per address, and every test of a class comes from the same one.)
        await tab.OpenAsync("/account/login/code");
        await tab.Main.GetByLabel("Code").FillAsync("000000");
        await tab.SubmitAsync("Verify");
        await Expect(tab.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code does not work.");
        // The code that turned it on is spent; the next time step's is accepted (one step of drift either way).
        await tab.Main.GetByLabel("Code").FillAsync(Totp.Hotp(key, Totp.TimeStep(DateTimeOffset.UtcNow) + 1));
        await tab.SubmitAsync("Verify");

        await Expect(tab.Page).ToHaveURLAsync(console.Host.Address.ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Tess Two-Factor" })).ToBeVisibleAsync();
        tab.AssertNothingWentWrong();
    }
}
