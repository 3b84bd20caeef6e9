using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed partial class moderators_work_the_inbox_together_live(InboxConsole console) : IClassFixture<InboxConsole>
{
    // What "live" means here: a delivered item is in every open list within a second.
    private const float Live = 1_000;

    [Fact]
    public async Task a_delivered_comment_appears_in_both_lists_an_assignment_shows_in_both_and_of_two_resolves_at_once_one_is_told_what_changed()
    {
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");
        await using var sam = await console.ModeratorTabAsync();
        await sam.OpenAsync("/inbox");
        await MarkAsync(olive);
        await MarkAsync(sam);

        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "Where is my order? It is late.", "@ada", "Ada Lovelace"));
        var row = $"#inbox-row-{console.ThreadOf(post):N}";
        await Task.WhenAll(
            Expect(olive.Main.Locator(row)).ToContainTextAsync("Where is my order?", new() { Timeout = Live }),
            Expect(sam.Main.Locator(row)).ToContainTextAsync("Where is my order?", new() { Timeout = Live }));
        await Expect(olive.Main.Locator(row)).ToHaveAttributeAsync("data-status", "new");
        await Expect(sam.Page.Locator("#inbox-unread")).Not.ToBeEmptyAsync();

        // Both open it; each sees the other there.
        await olive.Main.Locator(row).Locator(".inbox-row-link").ClickAsync();
        await sam.Main.Locator(row).Locator(".inbox-row-link").ClickAsync();
        var olivePanel = olive.Page.Locator("#inbox-thread");
        var samPanel = sam.Page.Locator("#inbox-thread");
        await Expect(olivePanel.Locator(".inbox-items")).ToContainTextAsync("Where is my order?");
        await Expect(sam.Page).ToHaveURLAsync(new Regex($"thread={console.ThreadOf(post):N}"));
        await Expect(samPanel.Locator(".inbox-presence")).ToContainTextAsync($"{OwnedConsole.OwnerName} is viewing");
        await Expect(olivePanel.Locator(".inbox-presence")).ToContainTextAsync($"{InboxConsole.ModeratorName} is viewing");

        // Olive gives it to Sam: his panel and his list say so without a reload.
        await olivePanel.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = InboxConsole.ModeratorName });
        await olivePanel.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(samPanel.Locator(".inbox-state")).ToContainTextAsync($"Assigned to {InboxConsole.ModeratorName}");
        await Expect(sam.Main.Locator(row)).ToContainTextAsync(InboxConsole.ModeratorName);

        // Both press Resolve at once: each request leaves its browser before either reaches the server, so both carry the
        // version they were shown. One is done; the other is told what happened meanwhile and shown the thread as it is.
        var bothSent = new Barrier(2);
        foreach (var tab in new[] { olive, sam })
        {
            await tab.Page.RouteAsync("**/inbox?handler=Status*", async route =>
            {
                await Task.Run(() => bothSent.SignalAndWait(TimeSpan.FromSeconds(20)));
                await route.ContinueAsync();
            });
        }

        await Task.WhenAll(
            olivePanel.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync(),
            samPanel.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync());
        await Task.WhenAll(
            Expect(olivePanel.Locator(".inbox-state")).ToHaveAttributeAsync("data-status", "resolved"),
            Expect(samPanel.Locator(".inbox-state")).ToHaveAttributeAsync("data-status", "resolved"));
        var told = new[] { olivePanel.Locator(".inbox-notice"), samPanel.Locator(".inbox-notice") };
        await Eventually.HoldsAsync(async () => (await told[0].TextContentAsync())!.Trim().Length + (await told[1].TextContentAsync())!.Trim().Length > 0,
            "one of them is told", TimeSpan.FromSeconds(15));
        var texts = await Task.WhenAll(told.Select(async n => (await n.TextContentAsync())!.Trim()));
        Assert.Single(texts, t => t.Length > 0);
        Assert.Matches("changed since you looked.*set it to resolved", Regex.Replace(texts.Single(t => t.Length > 0), @"\s+", " "));
        await Expect(olive.Main.Locator(row)).ToHaveAttributeAsync("data-status", "resolved");
        await Expect(sam.Main.Locator(row)).ToHaveAttributeAsync("data-status", "resolved");

        await AssertNotReloadedAsync(olive);
        await AssertNotReloadedAsync(sam);
        olive.AssertNothingWentWrong();
        sam.AssertNothingWentWrong();
    }

    [Fact]
    public async Task a_half_typed_reply_survives_ten_live_updates_the_other_moderator_sees_it_being_typed_and_it_goes_out()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "Do you ship to Lisbon?", "@grace", "Grace Hopper"));
        var thread = console.ThreadOf(post);
        await using var sam = await console.ModeratorTabAsync();
        await sam.OpenAsync($"/inbox?thread={thread:N}");
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync($"/inbox?thread={thread:N}");
        await MarkAsync(sam);

        const string Draft = "Yes, we ship to Lisbon; orders leave";
        var box = sam.Page.GetByLabel("Reply", new() { Exact = true });
        await box.PressSequentiallyAsync(Draft);
        await Expect(olive.Page.Locator("#inbox-thread .inbox-presence")).ToContainTextAsync($"{InboxConsole.ModeratorName} is replying");

        for (var i = 1; i <= 10; i++)
        {
            await console.DeliverAsync(InboxConsole.Comment(post, $"Follow-up number {i}", "@grace", "Grace Hopper"));
        }

        var items = sam.Page.Locator("#inbox-thread .inbox-items > li");
        await Expect(items).ToHaveCountAsync(11);
        await Expect(items.Last).ToContainTextAsync("Follow-up number 10");
        await Expect(box).ToHaveValueAsync(Draft);
        await Expect(box).ToBeFocusedAsync();

        // Typing stops: "is replying" goes by itself a few seconds later.
        await Expect(olive.Page.Locator("#inbox-thread .inbox-presence")).ToContainTextAsync($"{InboxConsole.ModeratorName} is viewing", new() { Timeout = 15_000 });

        // The reply goes out through the sandbox and joins the conversation, for Sam and for Olive.
        await box.PressSequentiallyAsync(" every morning.");
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var reply = sam.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']");
        await Expect(reply).ToContainTextAsync(Draft + " every morning.");
        await Expect(reply).ToHaveAttributeAsync("data-reply-status", "sent");
        await Expect(box).ToHaveValueAsync(string.Empty);
        await Expect(olive.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']")).ToContainTextAsync("every morning.");
        await Expect(sam.Page.Locator("#inbox-thread [data-sla='first-response']")).ToContainTextAsync("after");

        await AssertNotReloadedAsync(sam);
        sam.AssertNothingWentWrong();
        olive.AssertNothingWentWrong();
    }

    [Fact]
    public async Task a_reply_deleted_on_the_network_shows_as_deleted_to_the_other_moderator_without_a_reload()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "Is the shop open on Sunday?", "@ada", "Ada Lovelace"));
        var thread = console.ThreadOf(post);
        await using var sam = await console.ModeratorTabAsync();
        await sam.OpenAsync($"/inbox?thread={thread:N}");
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync($"/inbox?thread={thread:N}");
        await MarkAsync(olive);

        await sam.Page.GetByLabel("Reply", new() { Exact = true }).FillAsync("Yes, from ten to four.");
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var samReply = sam.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']");
        var oliveReply = olive.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']");
        await Expect(samReply).ToHaveAttributeAsync("data-reply-status", "sent");
        await Expect(oliveReply).ToContainTextAsync("Yes, from ten to four.");

        // Sam deletes it on the network (after saying yes to the question); Olive's open thread marks it deleted live.
        await samReply.Locator("summary", new() { HasText = "More" }).ClickAsync();
        sam.ConfirmNext("Delete this reply on the network?");
        await samReply.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(samReply).ToHaveAttributeAsync("data-deleted", "true");
        await Expect(oliveReply).ToHaveAttributeAsync("data-deleted", "true", new() { Timeout = Live * 5 });
        await Expect(oliveReply.Locator("[data-flag='deleted']")).ToHaveTextAsync("Deleted on the network");
        await Expect(oliveReply.Locator(".inbox-item-text")).ToHaveCSSAsync("text-decoration-line", "line-through");
        await Expect(oliveReply.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToHaveCountAsync(0);

        await AssertNotReloadedAsync(olive);
        sam.AssertNothingWentWrong();
        olive.AssertNothingWentWrong();
    }

    [Fact]
    public async Task a_reply_the_network_refuses_shows_its_message_and_retry_sends_it_again_in_its_place()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "Tell me everything.", "@linus", "Linus"));
        await using var sam = await console.ModeratorTabAsync();
        await sam.OpenAsync($"/inbox?thread={console.ThreadOf(post):N}");

        // The sandbox takes replies of at most 1000 characters: this one it refuses, with its own words.
        await sam.Page.GetByLabel("Reply", new() { Exact = true }).FillAsync(new string('a', 1001));
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var failed = sam.Page.Locator("#inbox-thread .inbox-items > li[data-reply-status='failed']");
        await Expect(failed.Locator(".inbox-item-failure")).ToContainTextAsync("the sandbox takes at most 1000");

        await failed.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(sam.Page.Locator("#toasts .toast[data-kind='error']")).ToHaveCountAsync(2);
        await Expect(sam.Page.Locator("#toasts .toast[data-kind='error']").Last).ToContainTextAsync("The network refused the reply");
        // Sent again in its place: still one reply, not two.
        await Expect(sam.Page.Locator("#inbox-thread .inbox-items > li[data-direction='out']")).ToHaveCountAsync(1);

        // Error toasts stay until dismissed (they cover the actions below).
        var dismiss = sam.Page.Locator("#toasts .toast-dismiss");
        while (await dismiss.CountAsync() > 0)
        {
            await dismiss.First.ClickAsync();
        }

        // Priority, labels and an escalation note show in the thread's state; hiding an item is done on the network.
        var panel = sam.Page.Locator("#inbox-thread");
        var state = panel.Locator(".inbox-state");
        await panel.GetByLabel("Priority").SelectOptionAsync("urgent");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Set priority" }).ClickAsync();
        await Expect(state).ToContainTextAsync("urgent priority");
        await panel.GetByLabel("Labels (comma-separated)").FillAsync("VIP, refund");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save labels" }).ClickAsync();
        await Expect(state.Locator(".inbox-label")).ToHaveTextAsync(["refund", "vip"]);
        await panel.GetByLabel("Escalation note").FillAsync("Legal should see this.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        await Expect(state.Locator(".inbox-escalation")).ToContainTextAsync("Legal should see this.");
        var comment = panel.Locator(".inbox-items > li[data-direction='in']").First;
        await comment.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Expect(comment).ToHaveAttributeAsync("data-hidden", "true");
        await Expect(state).ToHaveAttributeAsync("data-status", "hidden");
        await panel.Locator(".inbox-items > li[data-direction='in']").First.GetByRole(AriaRole.Button, new() { Name = "Unhide" }).ClickAsync();
        await Expect(panel.Locator(".inbox-items > li[data-direction='in']").First).Not.ToHaveAttributeAsync("data-hidden", "true");
        sam.AssertNothingWentWrong();
    }

    // The page must change in place: a reload would drop this mark.
    private static async Task MarkAsync(ConsoleTab tab) => await tab.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");

    private static Task AssertNotReloadedAsync(ConsoleTab tab) => Expect(tab.Page.Locator("html[data-test-not-reloaded]")).ToHaveCountAsync(1);
}
