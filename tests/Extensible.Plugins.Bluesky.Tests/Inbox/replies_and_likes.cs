using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Inbox;

public sealed class replies_and_likes
{
    [Fact]
    public async Task a_reply_points_at_the_comment_as_parent_and_at_the_original_post_as_root()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        await world.Connector.PublishAsync(BlueskyWorld.Post(account, "p", "Our post"), CancellationToken.None);
        var original = world.Pds.Records("app.bsky.feed.post").Single();
        var comment = world.Pds.Notify(world.BrandDid, "reply", world.StrangerDid, "When do you open?", replyTo: original);
        var item = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).Items.Single();

        var replyId = await world.Connector.ReplyAsync(account, new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId),
            "At 9 🕘 @stranger.test", CancellationToken.None);

        var reply = world.Pds.Records("app.bsky.feed.post").Single(r => r.Uri == replyId);
        Assert.Equal(world.BrandDid, reply.Repo);
        Assert.Equal(original.Uri, reply.Value["reply"]!["root"]!["uri"]!.GetValue<string>());
        Assert.Equal((comment.Uri, comment.Cid), (reply.Value["reply"]!["parent"]!["uri"]!.GetValue<string>(), reply.Value["reply"]!["parent"]!["cid"]!.GetValue<string>()));
        Assert.Equal(world.StrangerDid, reply.Value["facets"]![0]!["features"]![0]!["did"]!.GetValue<string>());
        Assert.Contains(world.Pds.Calls, c => c.Nsid == "app.bsky.feed.getPostThread" && c.Proxy == "did:web:api.bsky.app#bsky_appview");
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task liking_twice_keeps_one_like_and_unliking_deletes_it()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var mention = world.Pds.Notify(world.BrandDid, "mention", world.StrangerDid, "Hi @brand.test");
        var item = new InboxItemReference(mention.Uri, InboxItemKind.Mention, mention.Uri);

        await world.Connector.SetLikedAsync(account, item, liked: true, CancellationToken.None);
        await world.Connector.SetLikedAsync(account, item, liked: true, CancellationToken.None);
        var like = Assert.Single(world.Pds.Records("app.bsky.feed.like"));
        await world.Connector.SetLikedAsync(account, item, liked: false, CancellationToken.None);
        await world.Connector.SetLikedAsync(account, item, liked: false, CancellationToken.None);

        Assert.Equal(world.BrandDid, like.Repo);
        Assert.Equal((mention.Uri, mention.Cid), (like.Value["subject"]!["uri"]!.GetValue<string>(), like.Value["subject"]!["cid"]!.GetValue<string>()));
        Assert.Empty(world.Pds.Records("app.bsky.feed.like"));
        Assert.Single(world.Pds.Calls, c => c.Nsid == "com.atproto.repo.deleteRecord");
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task replying_to_a_post_that_is_gone_is_refused_in_words()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.ReplyAsync(account,
            new InboxItemReference($"at://{world.StrangerDid}/app.bsky.feed.post/3kaaaaaaaaaaa", InboxItemKind.Comment, null), "Hi", CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Contains("gone", refused.PlatformMessage, StringComparison.Ordinal);
        Assert.Empty(world.Pds.Records("app.bsky.feed.post"));
    }
}
