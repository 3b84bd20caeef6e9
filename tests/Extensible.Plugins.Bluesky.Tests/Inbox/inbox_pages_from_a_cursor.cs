using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Inbox;

public sealed class inbox_pages_from_a_cursor
{
    [Fact]
    public async Task mentions_replies_and_quotes_become_items_and_other_notifications_do_not()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "p", "Our post"), CancellationToken.None);
        var original = world.Pds.Records("app.bsky.feed.post").Single();
        var reply = world.Pds.Notify(world.BrandDid, "reply", world.StrangerDid, "<script>alert(1)</script> nice", replyTo: original);
        world.Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var mention = world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, "Hey @brand.test");
        world.Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        world.Pds.Notify(world.BrandDid, "like", world.StrangerDid, "(a like)");
        world.Pds.Notify(world.BrandDid, "quote", world.StrangerDid, "Look at this");

        var page = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);

        Assert.Equal([reply.Uri, mention.Uri], page.Items.Take(2).Select(i => i.PlatformItemId));
        Assert.Equal(3, page.Items.Count);
        var comment = page.Items[0];
        Assert.Equal(InboxItemKind.Comment, comment.Kind);
        Assert.Equal("<script>alert(1)</script> nice", comment.Text);
        Assert.Equal(post.PlatformPostId, comment.PlatformPostId);
        Assert.Equal(post.PlatformPostId, comment.ConversationId);
        Assert.Equal(post.PlatformPostId, comment.ParentItemId);
        Assert.Equal("@stranger.test", comment.Author.Handle);
        Assert.Equal(world.StrangerDid, comment.Author.PlatformUserId);
        Assert.Equal("en", comment.Language);
        Assert.Equal(InboxItemKind.Mention, page.Items[1].Kind);
        Assert.Equal(InboxItemKind.Mention, page.Items[2].Kind);
        Assert.StartsWith("https://bsky.app/profile/stranger.test/post/", page.Items[1].Url!.AbsoluteUri, StringComparison.Ordinal);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task polls_take_each_new_notification_once_even_when_many_share_one_moment()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, "before");
        var first = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);

        // 250 mentions over 2.5 pages, in groups of 10 indexed at the same millisecond.
        var written = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            if (i % 10 == 0)
            {
                world.Harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            written.Add(world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, $"mention {i}").Uri);
        }

        var second = await world.Connector.PollInboxAsync(account, first.NextCursor, CancellationToken.None);
        var quiet = await world.Connector.PollInboxAsync(account, second.NextCursor, CancellationToken.None);
        var late = world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, "same moment as the last");
        var third = await world.Connector.PollInboxAsync(account, quiet.NextCursor, CancellationToken.None);

        Assert.Single(first.Items);
        Assert.Equal(written.Order(StringComparer.Ordinal), second.Items.Select(i => i.PlatformItemId).Order(StringComparer.Ordinal));
        Assert.Equal("mention 0", second.Items[0].Text[..9]);
        Assert.Empty(quiet.Items);
        Assert.Equal([late.Uri], third.Items.Select(i => i.PlatformItemId));
        Assert.Contains(world.Pds.Calls, c => c.Nsid == "app.bsky.notification.listNotifications" && c.Query.Contains("cursor=", StringComparison.Ordinal));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_burst_bigger_than_one_poll_is_read_over_two_polls_without_loss_or_repeats()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var first = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1150; i++)
        {
            world.Harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
            written.Add(world.Pds.Notify(world.BrandDid, i % 2 == 0 ? "mention" : "quote", world.StrangerDid, $"burst {i}").Uri);
        }

        var second = await world.Connector.PollInboxAsync(account, first.NextCursor, CancellationToken.None);
        world.Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var during = world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, "during the burst").Uri;
        var third = await world.Connector.PollInboxAsync(account, second.NextCursor, CancellationToken.None);
        var fourth = await world.Connector.PollInboxAsync(account, third.NextCursor, CancellationToken.None);

        var seen = second.Items.Concat(third.Items).Concat(fourth.Items).Select(i => i.PlatformItemId).ToList();
        Assert.Empty(first.Items);
        Assert.Equal(BlueskyInboxLimits.PerPoll, second.Items.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(written.Append(during).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_cursor_the_connector_never_gave_is_refused()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PollInboxAsync(account, "{not json", CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
    }
}

internal static class BlueskyInboxLimits
{
    public const int PerPoll = 1000;
}
