using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class moderators_on_two_nodes_see_each_other(TwoNodeInboxConsole console) : IClassFixture<TwoNodeInboxConsole>
{
    // Across nodes an item travels through PostgreSQL's notification and the event log every node follows.
    private const float Live = 2_000;

    [Fact]
    public async Task an_item_delivered_to_one_node_an_assignment_made_on_the_other_a_reply_being_typed_and_a_resolve_show_on_both()
    {
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");
        await using var sam = await console.ModeratorTabOnNodeBAsync();
        await sam.OpenAsync("/inbox");
        Assert.NotEqual(new Uri(olive.Page.Url).Port, new Uri(sam.Page.Url).Port);
        await olive.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");
        await sam.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");

        // The network's webhook reaches node B: both lists show the comment.
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(console.NodeB.Address, InboxConsole.Comment(post, "My parcel never came.", "@ada", "Ada Lovelace"));
        var row = $"#inbox-row-{console.ThreadOf(post):N}";
        await Task.WhenAll(
            Expect(olive.Main.Locator(row)).ToContainTextAsync("My parcel never came.", new() { Timeout = Live }),
            Expect(sam.Main.Locator(row)).ToContainTextAsync("My parcel never came.", new() { Timeout = Live }));

        // Both open it: each sees the other there, though they are on different nodes.
        await olive.Main.Locator(row).Locator(".inbox-row-link").ClickAsync();
        await sam.Main.Locator(row).Locator(".inbox-row-link").ClickAsync();
        var olivePanel = olive.Page.Locator("#inbox-thread");
        var samPanel = sam.Page.Locator("#inbox-thread");
        await Expect(sam.Page).ToHaveURLAsync(new Regex($"thread={console.ThreadOf(post):N}"));
        await Expect(olivePanel.Locator(".inbox-presence")).ToContainTextAsync($"{InboxConsole.ModeratorName} is viewing");
        await Expect(samPanel.Locator(".inbox-presence")).ToContainTextAsync($"{OwnedConsole.OwnerName} is viewing");

        // Sam takes it on node B: Olive's panel and row on node A say so.
        await samPanel.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = InboxConsole.ModeratorName });
        await samPanel.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(olivePanel.Locator(".inbox-state")).ToContainTextAsync($"Assigned to {InboxConsole.ModeratorName}", new() { Timeout = Live });
        await Expect(olive.Main.Locator(row)).ToContainTextAsync(InboxConsole.ModeratorName, new() { Timeout = Live });

        // Sam types a reply: Olive sees him replying, and his reply arrives in her conversation once sent.
        await samPanel.GetByLabel("Reply", new() { Exact = true }).PressSequentiallyAsync("We are sorry: a new parcel leaves today.");
        await Expect(olivePanel.Locator(".inbox-presence")).ToContainTextAsync($"{InboxConsole.ModeratorName} is replying", new() { Timeout = Live });
        await samPanel.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(olivePanel.Locator(".inbox-items > li[data-direction='out']")).ToContainTextAsync("a new parcel leaves today", new() { Timeout = Live });

        // Olive resolves it on node A: Sam's panel and row on node B follow.
        await olivePanel.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Expect(samPanel.Locator(".inbox-state")).ToHaveAttributeAsync("data-status", "resolved", new() { Timeout = Live });
        await Expect(sam.Main.Locator(row)).ToHaveAttributeAsync("data-status", "resolved", new() { Timeout = Live });

        // Olive leaves the thread: Sam no longer sees her there.
        await olive.OpenAsync("/inbox");
        await Expect(samPanel.Locator(".inbox-presence")).Not.ToContainTextAsync(OwnedConsole.OwnerName, new() { Timeout = Live });

        await Expect(sam.Page.Locator("html[data-test-not-reloaded]")).ToHaveCountAsync(1);
        olive.AssertNothingWentWrong();
        sam.AssertNothingWentWrong();
    }
}
