using System.Net;
using Extensible.Inbox;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class sentiment_comes_from_the_network_and_moderators_correct_it(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxActions Actions => host.Services.GetRequiredService<InboxActions>();

    // A comment as the sandbox network sends it, with the network's sentiment (left out when null).
    private static object Comment(string id, string text, string postId, string? sentiment, DateTimeOffset? at = null) => sentiment is null
        ? new { id, kind = "comment", authorId = "u-ada", authorHandle = "@ada", authorName = "Ada", text, createdAt = at ?? DateTimeOffset.UtcNow, postId, conversationId = postId }
        : new { id, kind = "comment", authorId = "u-ada", authorHandle = "@ada", authorName = "Ada", text, createdAt = at ?? DateTimeOffset.UtcNow, postId, conversationId = postId, sentiment };

    private async Task<(Guid WorkspaceId, Guid OwnerId, Guid AccountId, string Network)> AccountAsync()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        return (workspaceId, ownerId, accountId, network);
    }

    private async Task DeliverAsync(Guid accountId, string network, params object[] items) =>
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, items))).StatusCode);

    private async Task<List<Guid>> ThreadsAsync(Guid workspaceId, Guid accountId, string sentiment) =>
        [.. (await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, Sentiment = sentiment })).Threads.Select(t => t.Id)];

    [Fact]
    public async Task a_webhook_items_sentiment_filters_its_thread_in_and_a_thread_without_one_is_unknown()
    {
        var (workspaceId, _, accountId, network) = await AccountAsync();

        await DeliverAsync(accountId, network, Comment("w1", "Charged twice, nobody answers.", "post-angry", "negative"), Comment("w2", "Posted at noon?", "post-plain", null));

        var angry = InboxStreams.ThreadIdFor(accountId, "post:post-angry");
        var plain = InboxStreams.ThreadIdFor(accountId, "post:post-plain");
        Assert.Equal([angry], await ThreadsAsync(workspaceId, accountId, InboxSentiment.Negative));
        Assert.Equal([plain], await ThreadsAsync(workspaceId, accountId, InboxSentiment.Unknown));
        Assert.Empty(await ThreadsAsync(workspaceId, accountId, InboxSentiment.Positive));
        // Each filter value has an index that keeps the list's order (docs/inbox.md, "Sentiment").
        Assert.Contains("(workspace_id, sentiment, last_item_at, id)", await host.ScalarAsync<string>("select indexdef from pg_indexes where indexname = 'inbox_threads_sentiment'"), StringComparison.Ordinal);
        Assert.EndsWith("(workspace_id, last_item_at, id) WHERE (sentiment IS NULL)", await host.ScalarAsync<string>("select indexdef from pg_indexes where indexname = 'inbox_threads_sentiment_unknown'"), StringComparison.Ordinal);
        var view = await host.Inbox.ThreadAsync(workspaceId, angry);
        Assert.Equal(InboxSentiment.Negative, view!.Thread.Sentiment);
        Assert.Equal(InboxSentiment.Negative, Assert.Single(view.Items).Sentiment);
        var stored = (await host.Host.StoredEventsAsync("inbox_item_received")).Single(e => e.Contains("\"w1\"", StringComparison.Ordinal));
        Assert.Equal("negative", System.Text.Json.JsonDocument.Parse(stored).RootElement.GetProperty("Sentiment").GetString());
    }

    [Fact]
    public async Task the_thread_takes_the_sentiment_of_its_newest_item_that_has_one_whatever_the_order_they_arrive_in()
    {
        var (workspaceId, _, accountId, network) = await AccountAsync();
        var now = DateTimeOffset.UtcNow;
        var thread = InboxStreams.ThreadIdFor(accountId, "post:post-order");

        await DeliverAsync(accountId, network, Comment("o-new", "Thanks, sorted!", "post-order", "positive", now.AddMinutes(-1)));
        // An older item arriving late, and a newer one the network did not judge: neither changes the thread's.
        await DeliverAsync(accountId, network, Comment("o-old", "Still broken.", "post-order", "negative", now.AddMinutes(-30)));
        await DeliverAsync(accountId, network, Comment("o-plain", "Ok", "post-order", null, now));

        Assert.Equal(InboxSentiment.Positive, (await host.Inbox.FindAsync(workspaceId, thread))!.Sentiment);
        Assert.Equal([thread], await ThreadsAsync(workspaceId, accountId, InboxSentiment.Positive));
        var items = (await host.Inbox.ThreadAsync(workspaceId, thread))!.Items;
        Assert.Equal([InboxSentiment.Negative, InboxSentiment.Positive, null], items.Select(i => i.Sentiment));
    }

    [Fact]
    public async Task a_moderators_correction_changes_the_threads_filter_result_and_is_checked_against_the_version()
    {
        var (workspaceId, ownerId, accountId, network) = await AccountAsync();
        var now = DateTimeOffset.UtcNow;
        await DeliverAsync(accountId, network,
            Comment("m-old", "You people are clowns.", "post-fix", "negative", now.AddMinutes(-5)), Comment("m-new", "Actually, thanks", "post-fix", "negative", now));
        var thread = (await host.Inbox.FindAsync(workspaceId, InboxStreams.ThreadIdFor(accountId, "post:post-fix")))!;

        var version = await Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "m-new", InboxSentiment.Positive, ownerId);

        Assert.Equal(thread.Version + 1, version);
        Assert.Equal([thread.Id], await ThreadsAsync(workspaceId, accountId, InboxSentiment.Positive));
        Assert.Empty(await ThreadsAsync(workspaceId, accountId, InboxSentiment.Negative));
        var items = (await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items;
        Assert.Equal([InboxSentiment.Negative, InboxSentiment.Positive], items.Select(i => i.Sentiment));

        // Correcting the older item leaves the thread the newer one's.
        version = await Actions.SetSentimentAsync(workspaceId, thread.Id, version, "m-old", InboxSentiment.Neutral, ownerId);
        Assert.Equal(InboxSentiment.Positive, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.Sentiment);

        // A moderator who saw the thread before is told what changed, and nothing of theirs is written.
        var stale = await Assert.ThrowsAsync<InboxThreadChangedException>(
            () => Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "m-new", InboxSentiment.Negative, ownerId));
        Assert.Contains("Olive Owner set an item's sentiment to positive", stale.Changes);
        var after = (await host.Inbox.FindAsync(workspaceId, thread.Id))!;
        Assert.Equal((InboxSentiment.Positive, version), (after.Sentiment, after.Version));

        var trail = host.Services.GetRequiredService<AuditTrail>();
        var lines = (await trail.PageAsync(workspaceId, new AuditQuery(Type: "inbox_item_sentiment_set"))).Lines.Select(l => l.Summary);
        Assert.Contains("Olive Owner set an inbox item's sentiment to positive.", lines);
    }

    [Fact]
    public async Task an_unknown_sentiment_is_refused_from_the_network_from_a_moderator_and_in_a_filter()
    {
        var (workspaceId, ownerId, accountId, network) = await AccountAsync();

        var response = await host.DeliverAsync(accountId, InboxHost.Body(network, Comment("u1", "Meh", "post-unknown", "furious")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from mt_events where type = 'inbox_delivery_failed' and data->>'AccountId' = $1", accountId.ToString()));
        Assert.Empty((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);

        await DeliverAsync(accountId, network, Comment("u2", "Fine", "post-unknown", null));
        var thread = Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
        await Assert.ThrowsAsync<InboxActionException>(() => Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "u2", "furious", ownerId));
        await Assert.ThrowsAsync<InboxActionException>(() => Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "u2", "Unknown", ownerId));
        await Assert.ThrowsAsync<InboxActionException>(() => Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "u2", "", ownerId));
        await Assert.ThrowsAsync<InboxActionException>(() => Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "nope", InboxSentiment.Neutral, ownerId));
        Assert.Equal(thread.Version, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.Version);
        Assert.Equal(["sentiment"], new InboxQuery { Sentiment = "Negative" }.Validate().Keys);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Inbox.ListAsync(workspaceId, new InboxQuery { Sentiment = "furious" }));
    }

    [Fact]
    public async Task a_sentiment_set_by_mistake_is_cleared_and_the_thread_falls_back_to_the_next_newest_items()
    {
        var (workspaceId, ownerId, accountId, network) = await AccountAsync();
        var now = DateTimeOffset.UtcNow;
        await DeliverAsync(accountId, network,
            Comment("c-old", "Still waiting on my refund.", "post-clear", "negative", now.AddMinutes(-5)), Comment("c-new", "Any news?", "post-clear", "neutral", now));
        var thread = (await host.Inbox.FindAsync(workspaceId, InboxStreams.ThreadIdFor(accountId, "post:post-clear")))!;
        Assert.Equal(InboxSentiment.Neutral, thread.Sentiment);

        var version = await Actions.SetSentimentAsync(workspaceId, thread.Id, thread.Version, "c-new", InboxSentiment.Unknown, ownerId);

        Assert.Equal(InboxSentiment.Negative, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.Sentiment);
        Assert.Equal([InboxSentiment.Negative, null], (await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items.Select(i => i.Sentiment));

        // With none left, the thread is among the unknown ones again.
        await Actions.SetSentimentAsync(workspaceId, thread.Id, version, "c-old", InboxSentiment.Unknown, ownerId);
        Assert.Null((await host.Inbox.FindAsync(workspaceId, thread.Id))!.Sentiment);
        Assert.Contains(thread.Id, await ThreadsAsync(workspaceId, accountId, InboxSentiment.Unknown));
        Assert.DoesNotContain(thread.Id, await ThreadsAsync(workspaceId, accountId, InboxSentiment.Negative));

        var stale = await Assert.ThrowsAsync<InboxThreadChangedException>(
            () => Actions.SetSentimentAsync(workspaceId, thread.Id, version, "c-new", InboxSentiment.Positive, ownerId));
        Assert.Contains("Olive Owner cleared an item's sentiment", stale.Changes);
        var lines = (await host.Services.GetRequiredService<AuditTrail>().PageAsync(workspaceId, new AuditQuery(Type: "inbox_item_sentiment_set"))).Lines.Select(l => l.Summary);
        Assert.Contains("Olive Owner cleared an inbox item's sentiment.", lines);
    }

    [Fact]
    public async Task an_item_recorded_before_sentiment_existed_still_loads_without_one()
    {
        var (workspaceId, _, accountId, network) = await AccountAsync();
        await DeliverAsync(accountId, network, Comment("before-1", "From last year", "post-before", "positive"));
        var threadId = InboxStreams.ThreadIdFor(accountId, "post:post-before");
        var eventId = InboxStreams.ItemEventIdFor(accountId, "before-1");

        // As events were stored before this field existed: without it.
        Assert.Equal(1L, await host.ScalarAsync<long>(
            "with old as (update mt_events set data = data - 'Sentiment' where id = $1 and data ? 'Sentiment' returning 1) select count(*) from old", eventId));

        var events = await host.Services.GetRequiredService<EventStore.EventStore>().ReadStreamAsync(InboxStreams.Thread(threadId), tenant: workspaceId.ToString());
        var received = Assert.IsType<InboxItemReceived>(Assert.Single(events).Data);
        Assert.Equal(("before-1", "From last year", null), (received.PlatformItemId, received.Text, received.Sentiment));
    }
}
