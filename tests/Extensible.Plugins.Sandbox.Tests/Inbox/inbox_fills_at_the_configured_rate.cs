using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Inbox;

public sealed class inbox_fills_at_the_configured_rate
{
    [Theory]
    [InlineData(1, 10, 10)]
    [InlineData(6, 5, 30)]
    [InlineData(0.5, 30, 15)]
    public async Task items_arrive_at_the_rate_set_and_none_early(double perMinute, int minutes, int expected)
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = perMinute });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var backlog = await connector.PollInboxAsync(account, null, CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromMilliseconds(1));
        var almost = await connector.PollInboxAsync(account, backlog.NextCursor, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var rest = await connector.PollInboxAsync(account, almost.NextCursor, CancellationToken.None);

        Assert.Equal(5, backlog.Items.Count);
        Assert.Equal(expected - 1, almost.Items.Count);
        Assert.Single(rest.Items);
        Assert.Equal(TimeSpan.FromMinutes(1 / perMinute), rest.PollAgainAfter);
    }

    [Fact]
    public async Task a_rate_of_zero_stops_the_traffic_and_keeps_the_cursor()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = 0 });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var first = await connector.PollInboxAsync(account, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var later = await connector.PollInboxAsync(account, first.NextCursor, CancellationToken.None);

        Assert.Empty(first.Items);
        Assert.Empty(later.Items);
        Assert.Equal(first.NextCursor, later.NextCursor);
    }

    [Fact]
    public async Task after_a_long_pause_the_inbox_resumes_an_hour_back_instead_of_replaying_everything()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = 1 });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var first = await connector.PollInboxAsync(account, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromDays(2));

        var resumed = await connector.PollInboxAsync(account, first.NextCursor, CancellationToken.None);

        Assert.Equal(50, resumed.Items.Count);
        Assert.All(resumed.Items, item => Assert.True(item.CreatedAt > harness.Clock.GetUtcNow() - TimeSpan.FromHours(1)));
        Assert.Equal($"{account.PlatformAccountId}-i{5 + (2 * 24 * 60) - 60}", resumed.Items[0].PlatformItemId);
    }

    [Fact]
    public async Task concurrent_connections_get_distinct_accounts()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);

        var accounts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SandboxAccounts.ConnectAsync(connector))));

        Assert.Equal(20, accounts.Select(a => a.PlatformAccountId).Distinct().Count());
    }

    [Fact]
    public async Task comments_need_a_post_and_then_concern_one_of_the_accounts_posts()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = 30, CommentWeight = 100, MentionWeight = 0, DirectMessageWeight = 0 });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var beforeAnyPost = await connector.PollInboxAsync(account, null, CancellationToken.None);
        var post = await connector.PublishAsync(SandboxAccounts.TextPost(account, "p"), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var after = await connector.PollInboxAsync(account, beforeAnyPost.NextCursor, CancellationToken.None);

        Assert.All(beforeAnyPost.Items, item => Assert.Equal(InboxItemKind.Mention, item.Kind));
        Assert.All(beforeAnyPost.Items, item => Assert.Contains("@sandbox-brand-1", item.Text, StringComparison.Ordinal));
        Assert.Equal(30, after.Items.Count);
        Assert.All(after.Items, item =>
        {
            Assert.Equal(InboxItemKind.Comment, item.Kind);
            Assert.Equal(post.PlatformPostId, item.PlatformPostId);
            Assert.Equal(post.PlatformPostId, item.ConversationId);
        });
    }

    [Fact]
    public async Task the_default_mix_brings_every_kind_of_item()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ItemsPerMinute = 120 });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        await connector.PublishAsync(SandboxAccounts.TextPost(account, "p"), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(25));

        var page = await connector.PollInboxAsync(account, null, CancellationToken.None);

        Assert.Equal(50, page.Items.Count);
        Assert.Contains(page.Items, item => item.Kind == InboxItemKind.Comment);
        Assert.Contains(page.Items, item => item.Kind == InboxItemKind.Mention);
        Assert.Contains(page.Items, item => item.Kind == InboxItemKind.DirectMessage && item.ConversationId!.StartsWith("dm-", StringComparison.Ordinal));
    }
}
