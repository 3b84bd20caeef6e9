using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Setup;

public sealed class the_setup_link_makes_the_owner(UnclaimedConsole console) : IClassFixture<UnclaimedConsole>
{
    [Fact]
    public async Task the_owner_is_created_signed_in_and_welcomed_on_the_dashboard()
    {
        await using var tab = await console.OpenTabAsync();
        await tab.OpenAsync(console.SetupLink);

        await tab.Main.GetByLabel("Your name").FillAsync("Olive Owner");
        await tab.Main.GetByLabel("Email").FillAsync("olive@example.com");
        await tab.Main.GetByLabel("Password (at least 10 characters)").FillAsync("correct horse battery");
        await tab.Main.GetByLabel("First workspace").FillAsync("Acme");
        await tab.SubmitAsync("Create the owner");

        await Expect(tab.Page).ToHaveURLAsync(console.Host.Address.ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Olive Owner" })).ToBeVisibleAsync();
        await Expect(tab.Main).ToContainTextAsync("You are working in Acme as Owner.");
        await Expect(tab.Navigation.GetByRole(AriaRole.Link, new() { Name = "People" })).ToBeVisibleAsync();
        var owner = await console.Directory.FindUserByEmailAsync("olive@example.com");
        Assert.True(owner is { IsOwner: true, DisplayName: "Olive Owner" });

        // The link has done its work: it cannot make a second owner.
        await tab.OpenAsync(console.SetupLink);
        await Expect(tab.Main).ToContainTextAsync("Extensible is set up.");
        await Expect(tab.Main.Locator("form")).ToHaveCountAsync(0);
        tab.AssertNothingWentWrong();
    }
}
