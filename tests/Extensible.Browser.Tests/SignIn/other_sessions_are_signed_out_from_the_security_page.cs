using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.SignIn;

public sealed class other_sessions_are_signed_out_from_the_security_page(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task and_their_tabs_land_on_the_sign_in_page()
    {
        var email = await console.AddMemberAsync(Role.Analyst, "Sasha Sessions");
        await using var laptop = await console.OpenTabAsync();
        await laptop.SignInAsync(email, OwnedConsole.Password);
        await using var phone = await console.OpenTabAsync();
        await phone.SignInAsync(email, OwnedConsole.Password);

        await laptop.OpenAsync("/account/security");
        await Expect(laptop.Main.Locator("#sessions tbody tr")).ToHaveCountAsync(2);
        await Expect(laptop.Main.Locator("#sessions")).ToContainTextAsync("This session");
        await Expect(laptop.Main.Locator("#sessions")).ToContainTextAsync("Chrome");
        await laptop.SubmitAsync("Sign out all other sessions");

        await Expect(laptop.Main).ToContainTextAsync("1 other session is signed out.");
        await Expect(laptop.Main.Locator("#sessions tbody tr")).ToHaveCountAsync(1);
        await phone.OpenAsync("/");
        await Expect(phone.Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));
        await laptop.OpenAsync("/");
        await Expect(laptop.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sasha Sessions" })).ToBeVisibleAsync();
        laptop.AssertNothingWentWrong();
    }
}
