using Extensible.Browser.Tests.Support;
using Extensible.Inbox.Ingestion;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class strangers_text_in_the_inbox_is_only_text(InboxConsole console) : IClassFixture<InboxConsole>
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<style>body{display:none}</style>",
        "javascript:alert(1)",
        "Refund \u202Egnp.exe\u202C now \u2066isolated\u2069",
    ];

    [Fact]
    public async Task markup_links_bidi_overrides_and_a_100_kb_comment_show_as_text_fire_nothing_and_leave_the_page_usable()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync([.. Hostile.Select(text => InboxConsole.Comment(post, text, "<img src=x onerror=alert(2)>", "<script>alert(3)</script>"))]);
        // The sandbox's webhook takes 20,000 characters an item and no links; a connector may bring 100 KB and links (those
        // that are not web pages are never shown as links).
        var huge = "Start " + string.Concat(Enumerable.Repeat("unbrokenwordwithoutanyspaces", 3_570)) + " end";
        var ingestion = console.Host.Services.GetRequiredService<InboxIngestion>();
        await ingestion.StoreAsync(console.Account, [new InboxItem
        {
            PlatformItemId = "huge-" + Guid.NewGuid().ToString("N"), Kind = InboxItemKind.Comment, Text = huge, CreatedAt = DateTimeOffset.UtcNow,
            PlatformPostId = post, Author = new InboxAuthor { PlatformUserId = "long", Handle = "@long", DisplayName = "Long Writer" },
        }], "test", CancellationToken.None);
        await ingestion.StoreAsync(console.Account, [new InboxItem
        {
            PlatformItemId = "js-" + Guid.NewGuid().ToString("N"), Kind = InboxItemKind.Comment, Text = "a link", CreatedAt = DateTimeOffset.UtcNow,
            PlatformPostId = post, Url = new Uri("javascript:alert(4)"),
            Author = new InboxAuthor { PlatformUserId = "js", Handle = "@js", ProfileUrl = new Uri("javascript:alert(5)") },
        }], "test", CancellationToken.None);

        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync($"/inbox?thread={console.ThreadOf(post):N}");
        var inbox = olive.Page.Locator("#inbox");
        var items = olive.Page.Locator("#inbox-thread .inbox-items > li");
        await Expect(items).ToHaveCountAsync(Hostile.Length + 2);
        for (var i = 0; i < 5; i++)
        {
            await Expect(items.Nth(i).Locator(".inbox-item-text")).ToHaveTextAsync(Hostile[i]);
        }

        await Expect(items.Nth(0).Locator(".inbox-item-head")).ToContainTextAsync("<script>alert(3)</script>");
        await Expect(olive.Main.Locator($"#inbox-row-{console.ThreadOf(post):N}")).ToContainTextAsync($"{Hostile.Length + 2} items");

        // Nothing of theirs became markup: no script, image, vector, style or javascript: link in the room.
        Assert.Equal(0, await inbox.Locator("script, img, svg, style, iframe, object").CountAsync());
        Assert.Equal(0, await olive.Page.Locator("a[href^='javascript' i]").CountAsync());
        foreach (var link in await inbox.Locator("a[target='_blank']").AllAsync())
        {
            Assert.Equal("noopener noreferrer nofollow", await link.GetAttributeAsync("rel"));
        }

        // Bidi overrides are gone from what is shown: the line reads as written, in order.
        var bidi = await items.Nth(5).Locator(".inbox-item-text").TextContentAsync();
        Assert.Equal("Refund gnp.exe now isolated", bidi);
        Assert.DoesNotContain('\u202E', await inbox.TextContentAsync() ?? string.Empty);

        // The 100 KB word wraps: the page does not scroll sideways, and the actions stay in reach.
        await Expect(items.Nth(6)).ToContainTextAsync("unbrokenwordwithoutanyspaces");
        var overflow = await olive.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"The page scrolls sideways by {overflow} px.");
        await Expect(olive.Page.Locator("body")).ToBeVisibleAsync();
        await olive.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Expect(olive.Page.Locator("#inbox-thread .inbox-state")).ToHaveAttributeAsync("data-status", "resolved");

        olive.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_analyst_reads_the_list_and_a_thread_but_is_offered_no_action()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        await console.DeliverAsync(InboxConsole.Comment(post, "Is anyone reading this?", "@ann-reader", "Reader"));
        await using var ann = await console.AnalystTabAsync();
        await ann.OpenAsync($"/inbox?thread={console.ThreadOf(post):N}");

        await Expect(ann.Navigation.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(ann.Main.Locator($"#inbox-row-{console.ThreadOf(post):N}")).ToContainTextAsync("Is anyone reading this?");
        await Expect(ann.Page.Locator("#inbox-thread .inbox-items")).ToContainTextAsync("Is anyone reading this?");
        await Expect(ann.Page.Locator("#inbox-thread [data-sla='first-response']")).ToHaveTextAsync("not yet");

        // No reply box, no status buttons, no bulk selection, no action of any kind.
        Assert.Equal(0, await ann.Page.Locator("#inbox-thread textarea, #inbox-thread form, #inbox-bulk, .inbox-select, #inbox-thread button[hx-post]").CountAsync());
        Assert.Equal(0, await ann.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).CountAsync());

        // What others do still reaches her page live.
        await console.DeliverAsync(InboxConsole.Comment(post, "Hello again?", "@ann-reader", "Reader"));
        await Expect(ann.Page.Locator("#inbox-thread .inbox-items > li")).ToHaveCountAsync(2);
        Assert.Equal(0, await ann.Page.Locator("#inbox-thread button[hx-post]").CountAsync());
        ann.AssertNothingWentWrong();
    }
}
