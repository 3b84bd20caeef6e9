using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Members;

public sealed class an_admin_made_reset_link_lets_a_member_back_in(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task once_and_with_the_new_password_only()
    {
        var email = await console.AddMemberAsync(Role.Analyst, "Fergus Forgetful");
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");

        await owner.SubmitAsync("Make a password reset link for Fergus Forgetful");
        var link = await owner.Main.Locator("#reset-link").TextContentAsync();
        Assert.StartsWith($"{console.Host.Address}account/reset/", link, StringComparison.Ordinal);
        await Expect(owner.Main).ToContainTextAsync($"Send this password reset link to {email}");

        await using var member = await console.OpenTabAsync();
        await member.OpenAsync(link!);
        await Expect(member.Main).ToContainTextAsync($"For {email}.");
        await member.Main.GetByLabel("New password (at least 10 characters)").FillAsync("short");
        await ConsoleTab.SkipBrowserChecksAsync(member.Main.Locator("form"));
        await member.SubmitAsync("Set password");
        await Expect(member.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 10 characters");
        await member.Main.GetByLabel("New password (at least 10 characters)").FillAsync("remembered at last");
        await member.SubmitAsync("Set password");
        await Expect(member.Main.GetByRole(AriaRole.Heading, new() { Name = "Password set" })).ToBeVisibleAsync();

        await member.SignInAsync(email, OwnedConsole.Password);
        await Expect(member.Main.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await member.SignInAsync(email, "remembered at last");
        await Expect(member.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Fergus Forgetful" })).ToBeVisibleAsync();
        await member.OpenAsync(link!);
        await Expect(member.Main.GetByRole(AriaRole.Heading, new() { Name = "Reset link not valid" })).ToBeVisibleAsync();
        owner.AssertNothingWentWrong();
        member.AssertNothingWentWrong();
    }

    [Fact]
    public async Task signing_a_member_out_everywhere_ends_their_session()
    {
        var email = await console.AddMemberAsync(Role.Editor, "Sid Signed-In");
        await using var member = await console.OpenTabAsync();
        await member.SignInAsync(email, OwnedConsole.Password);
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");

        await owner.SubmitAsync("Sign Sid Signed-In out everywhere");

        await Expect(owner.Main).ToContainTextAsync("Sid Signed-In is signed out everywhere.");
        // The page Sid has open goes to the sign-in page by itself (its live connection was closed and is refused now).
        await Expect(member.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await member.OpenAsync("/");
        await Expect(member.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2F$"));
        owner.AssertNothingWentWrong();
    }
}
