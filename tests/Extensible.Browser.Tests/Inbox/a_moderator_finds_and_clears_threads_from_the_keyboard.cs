using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class a_moderator_finds_and_clears_threads_from_the_keyboard(InboxConsole console) : IClassFixture<InboxConsole>
{
    [Fact]
    public async Task search_narrows_the_list_j_o_e_a_and_r_work_the_selected_thread_and_bulk_actions_clear_the_rest()
    {
        var word = "zeppelin" + Guid.NewGuid().ToString("N")[..6];
        var posts = Enumerable.Range(0, 3).Select(_ => "p-" + Guid.NewGuid().ToString("N")).ToList();
        await console.DeliverAsync(InboxConsole.Comment(posts[0], $"My {word} order never came", "@kim", "Kim"));
        await console.DeliverAsync(InboxConsole.Comment(posts[1], "Lovely shop, thank you", "@lou", "Lou"));
        await console.DeliverAsync(InboxConsole.Comment(posts[2], $"Another {word} question", "@max", "Max"));
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");

        // Search: the list narrows in place and the address keeps it (a reload shows the same).
        await olive.Main.GetByLabel("Search").FillAsync(word);
        await olive.Main.GetByLabel("Search").PressAsync("Enter");
        await Expect(olive.Page).ToHaveURLAsync(new Regex($"q={word}"));
        var rows = olive.Main.Locator("#inbox-rows > li");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Another");

        // j selects the next thread, o opens it, e resolves it, a gives it to the person at the keyboard, r starts a reply.
        await olive.Page.Locator("h1").ClickAsync();
        await olive.Page.Keyboard.PressAsync("j");
        await olive.Page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(1)).ToHaveClassAsync(new Regex("is-selected"));
        await olive.Page.Locator("h1").ClickAsync();
        await olive.Page.Keyboard.PressAsync("o");
        await Expect(olive.Page).ToHaveURLAsync(new Regex($"thread={console.ThreadOf(posts[0]):N}"));
        var state = olive.Page.Locator("#inbox-thread .inbox-state");
        await Expect(state).ToContainTextAsync("Kim");
        await olive.Page.Keyboard.PressAsync("e");
        await Expect(state).ToHaveAttributeAsync("data-status", "resolved");
        await olive.Page.Keyboard.PressAsync("a");
        await Expect(state).ToContainTextAsync($"Assigned to {OwnedConsole.OwnerName}");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-status", "resolved");
        await olive.Page.Keyboard.PressAsync("r");
        await Expect(olive.Page.GetByLabel("Reply", new() { Exact = true })).ToBeFocusedAsync();
        await olive.Page.Keyboard.TypeAsync("ejar");
        await Expect(olive.Page.GetByLabel("Reply", new() { Exact = true })).ToHaveValueAsync("ejar");
        await Expect(state).ToHaveAttributeAsync("data-status", "resolved");

        // The new ones, ticked, resolved at once.
        await olive.OpenAsync("/inbox?status=new");
        var fresh = olive.Main.Locator($"#inbox-row-{console.ThreadOf(posts[1]):N}, #inbox-row-{console.ThreadOf(posts[2]):N}");
        await Expect(fresh).ToHaveCountAsync(2);
        foreach (var tick in await fresh.Locator(".inbox-select").AllAsync())
        {
            await tick.CheckAsync();
        }

        await olive.Main.GetByRole(AriaRole.Button, new() { Name = "Resolve selected" }).ClickAsync();
        await Expect(olive.Page.Locator("#toasts")).ToContainTextAsync("2 of 2 threads done.");
        await Expect(fresh.Locator("xpath=self::*[@data-status='resolved']")).ToHaveCountAsync(2);
        olive.AssertNothingWentWrong();
    }
}
