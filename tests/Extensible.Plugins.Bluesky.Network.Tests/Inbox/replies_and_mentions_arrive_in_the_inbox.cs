using Extensible.Plugins.Bluesky.Network.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Testing;

namespace Extensible.Plugins.Bluesky.Network.Tests.Inbox;

[Collection(ReferenceNetworkCollection.Name)]
public sealed class replies_and_mentions_arrive_in_the_inbox(AtprotoNetwork network)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task another_account_s_reply_mention_and_quote_arrive_once_through_list_notifications(bool proxyHeader)
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network, proxyHeader);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);
        var fan = new OtherAccount(network, await network.CreateAccountAsync("fan"));
        var first = await bluesky.Connector.PollInboxAsync(brand.Credentials, null, CancellationToken.None);
        Assert.Empty(first.Items);
        var published = await bluesky.PublishAsync(brand, "Our spring menu is out 🌱");
        var post = StrongRefOf(await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId));

        await network.IndexedAsync(post.Uri, fan.Account);
        var reply = await fan.PostAsync("Is the rhubarb tart back? 🥧", parent: post);
        var mention = await fan.MentionAsync("Lunch at ", account);
        var quote = await fan.QuoteAsync("This menu 😍", post);
        var (items, cursor) = await bluesky.PollUntilAsync(brand, account, first.NextCursor,
            got => new[] { reply.Uri, mention.Uri, quote.Uri }.All(uri => got.Any(i => i.PlatformItemId == uri)),
            "the reply, the mention and the quote arrive in the inbox");

        var comment = Assert.Single(items, i => i.PlatformItemId == reply.Uri);
        Assert.Equal(InboxItemKind.Comment, comment.Kind);
        Assert.Equal("Is the rhubarb tart back? 🥧", comment.Text);
        Assert.Equal(fan.Account.Did, comment.Author.PlatformUserId);
        Assert.Equal("@" + fan.Account.Handle, comment.Author.Handle);
        Assert.Equal(published.PlatformPostId, comment.PlatformPostId);
        Assert.Equal(published.PlatformPostId, comment.ParentItemId);
        Assert.Equal(published.PlatformPostId, comment.ConversationId);
        var mentioned = Assert.Single(items, i => i.PlatformItemId == mention.Uri);
        Assert.Equal(InboxItemKind.Mention, mentioned.Kind);
        Assert.Equal($"Lunch at @{account.Handle}", mentioned.Text);
        var quoted = Assert.Single(items, i => i.PlatformItemId == quote.Uri);
        Assert.Equal(InboxItemKind.Mention, quoted.Kind);
        Assert.Equal(published.PlatformPostId, quoted.PlatformPostId);
        Assert.Equal(3, items.Count);

        var later = await bluesky.Connector.PollInboxAsync(brand.Credentials, cursor, CancellationToken.None);
        Assert.Empty(later.Items);
        var appViewCalls = bluesky.Harness.Http.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/xrpc/app.bsky.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(appViewCalls);
        Assert.All(appViewCalls, r => Assert.Equal(proxyHeader ? network.AppViewProxy : null, r.Headers.GetValueOrDefault(AtprotoXrpc.ProxyHeader)));
    }

    [Fact]
    public async Task the_connector_replies_to_and_likes_what_arrived()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var account = await network.CreateAccountAsync("brand");
        var brand = await bluesky.ConnectAsync(account);
        var fan = new OtherAccount(network, await network.CreateAccountAsync("fan"));
        var first = await bluesky.Connector.PollInboxAsync(brand.Credentials, null, CancellationToken.None);
        var published = await bluesky.PublishAsync(brand, "Ask us anything about the menu");
        var post = StrongRefOf(await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId));
        await network.IndexedAsync(post.Uri, fan.Account);
        var question = await fan.PostAsync("Do you have vegan options?", parent: post);
        var (items, _) = await bluesky.PollUntilAsync(brand, account, first.NextCursor, got => got.Any(i => i.PlatformItemId == question.Uri), "the question arrives");
        var item = items.Single(i => i.PlatformItemId == question.Uri);
        var reference = new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId);

        var answerUri = await bluesky.Connector.ReplyAsync(brand.Credentials, reference, "Yes: the whole left side of the menu 🥦", CancellationToken.None);
        await bluesky.Connector.SetLikedAsync(brand.Credentials, reference, liked: true, CancellationToken.None);
        await bluesky.Connector.SetLikedAsync(brand.Credentials, reference, liked: true, CancellationToken.None);

        var answer = (await network.Xrpc.GetRecordAsync(network.Pds, answerUri)).GetProperty("value");
        Assert.Equal("Yes: the whole left side of the menu 🥦", answer.GetProperty("text").GetString());
        SameJson.Equal(System.Text.Json.JsonSerializer.Serialize(new { root = post, parent = question }, System.Text.Json.JsonSerializerOptions.Web), answer.GetProperty("reply"));
        var likes = await LikesAsync(account);
        var like = Assert.Single(likes);
        SameJson.Equal(System.Text.Json.JsonSerializer.Serialize(question, System.Text.Json.JsonSerializerOptions.Web), like.GetProperty("value").GetProperty("subject"));
        await Eventually.HoldsAsync(async () => await CountAsync(fan.Account, question.Uri, "likeCount") == 1 && await CountAsync(fan.Account, question.Uri, "replyCount") == 1,
            "the AppView counts the brand's like and answer on the question");

        await bluesky.Connector.SetLikedAsync(brand.Credentials, reference, liked: false, CancellationToken.None);

        Assert.Empty(await LikesAsync(account));
    }

    private async Task<List<System.Text.Json.JsonElement>> LikesAsync(AtprotoAccount account) =>
        [.. (await network.Xrpc.QueryAsync(network.Pds, "com.atproto.repo.listRecords",
            $"repo={Uri.EscapeDataString(account.Did)}&collection=app.bsky.feed.like")).GetProperty("records").EnumerateArray()];

    private async Task<long> CountAsync(AtprotoAccount viewer, string uri, string count)
    {
        var posts = await network.Xrpc.QueryAsync(network.Pds, "app.bsky.feed.getPosts", $"uris={Uri.EscapeDataString(uri)}", viewer.AccessJwt);
        return posts.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty(count).GetInt64()).FirstOrDefault(-1);
    }

    private static StrongRef StrongRefOf(System.Text.Json.JsonElement record) =>
        new(record.GetProperty("uri").GetString()!, record.GetProperty("cid").GetString()!);
}
