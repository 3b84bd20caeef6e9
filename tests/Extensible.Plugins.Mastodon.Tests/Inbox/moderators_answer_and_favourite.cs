using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Inbox;

public sealed class moderators_answer_and_favourite
{
    [Fact]
    public async Task a_reply_mentions_the_author_and_is_as_visible_as_what_it_answers()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;
        world.Instance.Mention(fan, "<p>@brand where is my parcel?</p>", visibility: "direct");
        var item = Assert.Single((await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None)).Items);

        var replyId = await world.Connector.ReplyAsync(account, new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId),
            "It left today.", CancellationToken.None);
        var again = await world.Connector.ReplyAsync(account, new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId),
            "It left today.", CancellationToken.None);

        var reply = world.Instance.Statuses.Single(s => s.Id == replyId);
        Assert.Equal("@fan It left today.", reply.Text);
        Assert.Equal("direct", reply.Visibility);
        Assert.Equal(item.PlatformItemId, reply.InReplyToId);
        Assert.Equal(replyId, again);
    }

    [Fact]
    public async Task an_item_is_favourited_and_the_favourite_taken_back_even_twice()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var mention = world.Instance.Mention(fan, "<p>@brand hello</p>");
        var item = new InboxItemReference(mention.Id, InboxItemKind.Mention, mention.Id);

        await world.Connector.SetLikedAsync(account, item, liked: true, CancellationToken.None);
        await world.Connector.SetLikedAsync(account, item, liked: true, CancellationToken.None);
        var liked = world.Instance.IsFavourited(world.Instance.Brand, mention.Id);
        await world.Connector.SetLikedAsync(account, item, liked: false, CancellationToken.None);

        Assert.True(liked);
        Assert.False(world.Instance.IsFavourited(world.Instance.Brand, mention.Id));
    }

    [Fact]
    public async Task replying_to_a_status_that_is_gone_carries_the_instances_message()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;

        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.ReplyAsync(account, new InboxItemReference("999", InboxItemKind.Mention, null), "Hi", CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal("Record not found", refused.PlatformMessage);
    }
}
