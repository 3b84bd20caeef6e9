using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Setup;

public sealed class the_console_waits_for_its_setup_link(UnclaimedConsole console) : IClassFixture<UnclaimedConsole>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/account/login")]
    public async Task every_page_leads_to_setup_before_anyone_has_an_account(string path)
    {
        await using var tab = await console.OpenTabAsync();

        await tab.OpenAsync(path);

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/setup").ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Set up Extensible" })).ToBeVisibleAsync();
        tab.AssertNothingWentWrong();
    }

    [Theory]
    [InlineData("/setup")]
    [InlineData("/setup?token=not-the-token")]
    public async Task setup_without_its_token_asks_for_the_setup_link_and_shows_no_form(string path)
    {
        await using var tab = await console.OpenTabAsync();

        await tab.OpenAsync(path);

        await Expect(tab.Main).ToContainTextAsync("open the setup link the server printed in its log");
        await Expect(tab.Main.Locator("form")).ToHaveCountAsync(0);
        Assert.False(await console.Directory.AnyUserAsync());
        tab.AssertNothingWentWrong();
    }
}
