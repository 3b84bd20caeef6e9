using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Shell;

public sealed class keyboard_shortcuts_move_around_the_console(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task question_mark_lists_them_and_escape_closes_the_list()
    {
        await using var tab = await console.OwnerTabAsync();
        var shortcuts = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(shortcuts).ToBeHiddenAsync();

        await tab.Page.Keyboard.PressAsync("?");

        await Expect(shortcuts).ToBeVisibleAsync();
        await Expect(shortcuts).ToContainTextAsync("Go to People");
        await tab.Page.Keyboard.PressAsync("Escape");
        await Expect(shortcuts).ToBeHiddenAsync();
        tab.AssertNothingWentWrong();
    }

    [Fact]
    public async Task g_then_a_room_letter_opens_that_room_but_not_while_typing()
    {
        await using var tab = await console.OwnerTabAsync();
        await tab.OpenAsync("/members");
        var email = tab.Main.GetByLabel("Email");
        await email.PressSequentiallyAsync("gi");
        await Expect(email).ToHaveValueAsync("gi");
        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/members").ToString());
        await email.BlurAsync();

        await tab.Page.Keyboard.PressAsync("g");
        await tab.Page.Keyboard.PressAsync("i");

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/inbox").ToString());
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        tab.AssertNothingWentWrong();
    }
}
