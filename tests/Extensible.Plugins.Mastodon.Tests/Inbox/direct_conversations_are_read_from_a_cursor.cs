using System.Globalization;
using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Inbox;

public sealed class direct_conversations_are_read_from_a_cursor
{
    [Fact]
    public async Task conversations_are_paged_from_a_cursor_across_polls_without_loss_or_duplicates()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var start = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);

        var seen = new List<InboxItem>();
        var sent = new List<string>();
        var cursor = start.NextCursor;
        foreach (var batch in new[] { 95, 0, 230, 3 })
        {
            for (var i = 0; i < batch; i++)
            {
                // Filtered from the brand's notifications: only the conversations bring them.
                var n = sent.Count;
                // A batch's first message answers the last one read before: that conversation moves up to the newest.
                var earlier = i == 0 && n > 0 ? world.Instance.Statuses.Last(s => s.Account == fan).Id : null;
                world.Instance.Mention(fan, string.Create(CultureInfo.InvariantCulture, $"<p>@brand dm {n}</p>"), "direct", inReplyToId: earlier, notify: false);
                sent.Add(string.Create(CultureInfo.InvariantCulture, $"@brand dm {n}"));
            }

            InboxPage page;
            do
            {
                page = await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
                seen.AddRange(page.Items);
                Assert.True(page.Items.Count <= 200, "A poll reads at most five pages of 40 conversations.");
                cursor = page.NextCursor;
            }
            while (page.Items.Count > 0);
        }

        Assert.Empty(start.Items);
        Assert.Equal(sent, seen.Select(i => i.Text));
        Assert.Equal(seen.Count, seen.Select(i => i.PlatformItemId).Distinct().Count());
        Assert.All(seen, item => Assert.Equal(InboxItemKind.DirectMessage, item.Kind));
        Assert.All(seen, item => Assert.Equal(world.Instance.ConversationOf(world.Instance.Brand, item.PlatformItemId), item.ConversationId));
        // A message answering an earlier one is in that one's conversation.
        Assert.Equal(seen[94].ConversationId, seen[95].ConversationId);
        Assert.Equal(seen[324].ConversationId, seen[325].ConversationId);
        Assert.NotEqual(seen[95].ConversationId, seen[96].ConversationId);
    }

    [Fact]
    public async Task a_direct_message_that_also_arrived_as_a_mention_is_one_item_in_its_conversations_thread()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;

        var first = world.Instance.Mention(fan, "<p>@brand where is my parcel?</p>", "direct");
        var firstPoll = await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
        // Two more before the next poll: the conversation's last status is the third, the second came only as a mention.
        var second = world.Instance.Mention(fan, "<p>@brand it was order 123</p>", "direct", inReplyToId: first.Id);
        var third = world.Instance.Mention(fan, "<p>@brand hello?</p>", "direct", inReplyToId: second.Id);
        var secondPoll = await world.Connector.PollInboxAsync(account, firstPoll.NextCursor, CancellationToken.None);

        var conversation = world.Instance.ConversationOf(world.Instance.Brand, first.Id);
        var item = Assert.Single(firstPoll.Items);
        Assert.Equal(first.Id, item.PlatformItemId);
        Assert.Equal(InboxItemKind.DirectMessage, item.Kind);
        Assert.Equal(conversation, item.ConversationId);
        Assert.Equal([second.Id, third.Id], secondPoll.Items.Select(i => i.PlatformItemId));
        Assert.All(secondPoll.Items, i => Assert.Equal((InboxItemKind.DirectMessage, conversation), (i.Kind, i.ConversationId)));
        Assert.Equal(first.Id, secondPoll.Items[0].ParentItemId);
    }

    [Fact]
    public async Task the_accounts_own_messages_and_other_peoples_conversations_are_not_items()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var friend = world.Instance.AddAccount("friend", "A friend");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;
        var question = world.Instance.Mention(fan, "<p>@brand can I return it?</p>", "direct");
        var asked = await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
        var item = Assert.Single(asked.Items);

        var answerId = await world.Connector.ReplyAsync(account, new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId), "Yes, within 30 days.",
            CancellationToken.None);
        var aside = world.Instance.Post(fan, "<p>@friend they said yes</p>", "direct");
        var afterAnswer = await world.Connector.PollInboxAsync(account, asked.NextCursor, CancellationToken.None);
        var thanks = world.Instance.Mention(fan, "<p>@brand thanks!</p>", "direct", inReplyToId: answerId, notify: false);
        var afterThanks = await world.Connector.PollInboxAsync(account, afterAnswer.NextCursor, CancellationToken.None);

        Assert.Equal(world.Instance.ConversationOf(world.Instance.Brand, question.Id), world.Instance.ConversationOf(world.Instance.Brand, answerId));
        Assert.Empty(afterAnswer.Items);
        var next = Assert.Single(afterThanks.Items);
        Assert.Equal((thanks.Id, item.ConversationId), (next.PlatformItemId, next.ConversationId));
        Assert.NotNull(world.Instance.ConversationOf(friend, aside.Id));
        Assert.Null(world.Instance.ConversationOf(world.Instance.Brand, aside.Id));
    }

    [Fact]
    public async Task a_cursor_stored_before_conversations_were_read_still_resumes()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        world.Instance.Mention(fan, "<p>@brand before</p>");
        var current = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor!;
        // The earlier version stored the notification position alone.
        var stored = current.Split(';')[0];

        var mention = world.Instance.Mention(fan, "<p>@brand after</p>");
        var message = world.Instance.Mention(fan, "<p>@brand a private word</p>", "direct");
        var resumed = await world.Connector.PollInboxAsync(account, stored, CancellationToken.None);
        var later = world.Instance.Mention(fan, "<p>@brand and another</p>", "direct", inReplyToId: message.Id, notify: false);
        var next = await world.Connector.PollInboxAsync(account, resumed.NextCursor, CancellationToken.None);
        var quiet = await world.Connector.PollInboxAsync(account, next.NextCursor, CancellationToken.None);

        Assert.DoesNotContain(';', stored);
        Assert.Equal([mention.Id, message.Id], resumed.Items.Select(i => i.PlatformItemId));
        Assert.Equal(world.Instance.ConversationOf(world.Instance.Brand, message.Id), resumed.Items[1].ConversationId);
        Assert.Equal([later.Id], next.Items.Select(i => i.PlatformItemId));
        Assert.Equal(resumed.Items[1].ConversationId, next.Items[0].ConversationId);
        Assert.Empty(quiet.Items);
    }

    [Fact]
    public async Task a_reply_in_a_conversation_is_direct_and_mentions_everyone_in_it()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var friend = world.Instance.AddAccount("friend", "A friend");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;
        var message = world.Instance.Mention(fan, "<p>@brand @friend can we both come?</p>", "direct");
        var item = Assert.Single((await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None)).Items);

        var replyId = await world.Connector.ReplyAsync(account, new InboxItemReference(item.PlatformItemId, item.Kind, item.ConversationId),
            "Of course, see you @friend!", CancellationToken.None);

        var reply = world.Instance.Statuses.Single(s => s.Id == replyId);
        Assert.Equal("@fan Of course, see you @friend!", reply.Text);
        Assert.Equal("direct", reply.Visibility);
        Assert.Equal(message.Id, reply.InReplyToId);
        Assert.Equal(world.Instance.ConversationOf(fan, message.Id), world.Instance.ConversationOf(fan, replyId));
        Assert.Equal(world.Instance.ConversationOf(friend, message.Id), world.Instance.ConversationOf(friend, replyId));
        Assert.Equal(world.Instance.ConversationOf(world.Instance.Brand, message.Id), world.Instance.ConversationOf(world.Instance.Brand, replyId));
    }

    [Fact]
    public async Task conversations_need_a_token_granted_reading_statuses()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var values = account.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        values["access_token"] = world.Instance.IssueToken(world.Instance.Brand, "read:notifications", "write");
        var narrow = account with { Values = values };

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PollInboxAsync(narrow, null, CancellationToken.None));

        Assert.Equal(PlatformFailure.NeedsReconnect, refused.Failure);
        Assert.Empty((await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).Items);
    }
}
