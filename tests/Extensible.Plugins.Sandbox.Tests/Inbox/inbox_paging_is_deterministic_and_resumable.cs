using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Inbox;

public sealed class inbox_paging_is_deterministic_and_resumable
{
    [Fact]
    public async Task two_sandboxes_with_the_same_clock_generate_the_same_inbox()
    {
        var first = await PollAfterAsync(TimeSpan.FromMinutes(7));
        var second = await PollAfterAsync(TimeSpan.FromMinutes(7));

        Assert.NotEmpty(first.Items);
        Assert.Equal(first.NextCursor, second.NextCursor);
        Assert.Equal(first.Items, second.Items, ItemsEqual);
    }

    [Fact]
    public async Task polling_again_from_a_cursor_gives_the_same_page_and_the_next_cursor_goes_on()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var page1 = await connector.PollInboxAsync(account, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var page2 = await connector.PollInboxAsync(account, page1.NextCursor, CancellationToken.None);
        var page2Again = await connector.PollInboxAsync(account, page1.NextCursor, CancellationToken.None);
        var page3 = await connector.PollInboxAsync(account, page2.NextCursor, CancellationToken.None);

        Assert.NotEmpty(page2.Items);
        Assert.Equal(page2.Items, page2Again.Items, ItemsEqual);
        Assert.Equal(page2.NextCursor, page2Again.NextCursor);
        Assert.Empty(page3.Items);
        Assert.Equal(page2.NextCursor, page3.NextCursor);
        var all = page1.Items.Concat(page2.Items).ToList();
        Assert.Equal(all.Count, all.Select(i => i.PlatformItemId).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.CreatedAt < pair.Second.CreatedAt), "Items come oldest first.");
        Assert.All(all, item => Assert.True(item.CreatedAt <= harness.Clock.GetUtcNow(), "No item is written in the future."));
    }

    [Fact]
    public async Task a_large_backlog_comes_in_pages_that_add_up_to_the_same_items()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = 60 });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.Clock.Advance(TimeSpan.FromMinutes(2));

        var pages = new List<InboxPage>();
        string? cursor = null;
        do
        {
            var page = await connector.PollInboxAsync(account, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (pages[^1].Items.Count == 50);

        var items = pages.SelectMany(p => p.Items).ToList();
        Assert.True(pages.Count >= 3);
        Assert.Equal(TimeSpan.Zero, pages[0].PollAgainAfter);
        Assert.True(pages[^1].PollAgainAfter > TimeSpan.Zero);
        Assert.Equal(items.Count, items.Select(i => i.PlatformItemId).Distinct().Count());
        Assert.Equal(125, items.Count); // 120 in two minutes and the 5 waiting when the account connected
    }

    [Fact]
    public async Task a_cursor_the_sandbox_did_not_write_is_refused()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var refused = await Assert.ThrowsAsync<PlatformException>(() => connector.PollInboxAsync(account, "'; DROP TABLE cursors;--", CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
    }

    private static async Task<InboxPage> PollAfterAsync(TimeSpan wait)
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        await connector.PublishAsync(SandboxAccounts.TextPost(account, "a-post"), CancellationToken.None);
        harness.Clock.Advance(wait);
        return await connector.PollInboxAsync(account, null, CancellationToken.None);
    }

    private static bool ItemsEqual(InboxItem a, InboxItem b) =>
        a.PlatformItemId == b.PlatformItemId && a.Kind == b.Kind && a.Text == b.Text && a.CreatedAt == b.CreatedAt
        && a.Author == b.Author && a.ConversationId == b.ConversationId && a.PlatformPostId == b.PlatformPostId;
}
