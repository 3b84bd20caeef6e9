using Extensible.EventStore;
using Extensible.Inbox.Threads;
using Marten;
using Weasel.Postgresql.Tables;

namespace Extensible.Inbox.ReadModel;

/// <summary>
/// The inbox's read model, declared to Marten (Weasel creates and updates it): threads and their items, kept inline by
/// <see cref="InboxProjection"/>, and each polled account's cursor, kept by the poller.
/// </summary>
internal static class InboxTables
{
    /// <summary>The text search configuration: no stemming, so it works the same for every language the public writes in.</summary>
    public const string SearchConfiguration = "simple";

    public static void Declare(StoreOptions options)
    {
        // Lists are keyset-paged newest first: (last_item_at, id) after the filter's columns, read backwards.
        var threads = options.AddReadModelTable("inbox_threads")
            .WithIndex("inbox_threads_recent", ["workspace_id", "last_item_at", "id"])
            .WithIndex("inbox_threads_status", ["workspace_id", "status", "last_item_at", "id"])
            // Partial where most threads have nothing to index (new, unassigned, unlabelled, unanswered): every arriving
            // item moves its thread's last_item_at, and a row update writes an entry into each index whose predicate holds.
            .WithIndex("inbox_threads_assignee", ["workspace_id", "assignee_id", "last_item_at", "id"], predicate: "assignee_id is not null")
            .WithIndex("inbox_threads_account", ["workspace_id", "account_id", "last_item_at", "id"])
            .WithIndex("inbox_threads_first_response", ["workspace_id", "first_response_at"], predicate: "first_response_at is not null")
            .WithIndex("inbox_threads_resolved", ["workspace_id", "resolved_at"], predicate: "resolved_at is not null")
            // A rare sentiment is found through its own entries, not by walking every thread (docs/inbox.md, "Sentiment"); "is
            // null" keeps no order in a btree after it, so threads without one have an index of their own. Each thread is in
            // one of the two, never both: one more entry per arriving item, not two.
            .WithIndex("inbox_threads_sentiment", ["workspace_id", "sentiment", "last_item_at", "id"], predicate: "sentiment is not null")
            .WithIndex("inbox_threads_sentiment_unknown", ["workspace_id", "last_item_at", "id"], predicate: "sentiment is null");
        // A label filter says "and labels <> '{}'" as well, so PostgreSQL can use this partial index.
        threads.Indexes.Add(new IndexDefinition("inbox_threads_labels") { Columns = ["labels"], Method = IndexMethod.gin, Predicate = InboxBoard.LabelledPredicate });
        threads.AddColumn<Guid>("id").AsPrimaryKey();
        threads.AddColumn<Guid>("workspace_id").NotNull();
        threads.AddColumn<Guid>("account_id").NotNull();
        threads.AddColumn("platform_key", "text").NotNull();
        // comment | mention | direct_message | review
        threads.AddColumn("kind", "text").NotNull();
        threads.AddColumn("thread_key", "text").NotNull();
        threads.AddColumn("status", "text").NotNull();
        threads.AddColumn("priority", "text").NotNull();
        threads.AddColumn("assignee_id", "uuid");
        threads.AddColumn("labels", "text[]").NotNull().DefaultValueByExpression("'{}'");
        threads.AddColumn("preview", "text").NotNull();
        threads.AddColumn("author_handle", "text").NotNull();
        threads.AddColumn("author_name", "text");
        threads.AddColumn("platform_post_id", "text");
        // Our post the comments are on, when the network's post is one we published.
        threads.AddColumn("our_post_id", "uuid");
        threads.AddColumn("first_item_at", "timestamptz").NotNull();
        threads.AddColumn("last_item_at", "timestamptz").NotNull();
        threads.AddColumn("item_count", "integer").NotNull();
        threads.AddColumn("first_response_at", "timestamptz");
        threads.AddColumn("resolved_at", "timestamptz");
        // Measured in business time by Sla.InboxSlaProjection: who answered first and who resolved, and how long each took.
        threads.AddColumn("first_responder_id", "uuid");
        threads.AddColumn("first_response_seconds", "bigint");
        threads.AddColumn("resolved_by", "uuid");
        threads.AddColumn("resolution_seconds", "bigint");
        threads.AddColumn("escalation", "text");
        // negative | neutral | positive: the newest item from the public that has one (null: none has).
        threads.AddColumn("sentiment", "text");
        threads.AddColumn("version", "bigint").NotNull();
        threads.AddColumn("updated", "timestamptz").NotNull();

        var items = options.AddReadModelTable("inbox_items")
            .WithIndex("inbox_items_thread", ["thread_id", "created_at"])
            .WithIndex("inbox_items_author", ["workspace_id", "account_id", "author_id"]);
        items.Indexes.Add(new IndexDefinition("inbox_items_search")
        {
            Columns = ["text"],
            Mask = $"to_tsvector('{SearchConfiguration}'::regconfig, ?)",
            Method = IndexMethod.gin,
        });
        // The event that recorded the item (received) or the reply (sent or failed).
        items.AddColumn<Guid>("id").AsPrimaryKey();
        items.AddColumn<Guid>("thread_id").NotNull();
        items.AddColumn<Guid>("workspace_id").NotNull();
        items.AddColumn<Guid>("account_id").NotNull();
        // in: from the public; out: our reply.
        items.AddColumn("direction", "text").NotNull();
        items.AddColumn("platform_item_id", "text");
        items.AddColumn("kind", "text").NotNull();
        items.AddColumn("author_id", "text");
        items.AddColumn("author_handle", "text");
        items.AddColumn("author_name", "text");
        items.AddColumn("author_url", "text");
        items.AddColumn("author_followers", "bigint");
        items.AddColumn("author_verified", "boolean").NotNull().DefaultValueByExpression("false");
        items.AddColumn("text", "text").NotNull();
        items.AddColumn("url", "text");
        items.AddColumn("parent_item_id", "text");
        items.AddColumn("conversation_id", "text");
        items.AddColumn("created_at", "timestamptz").NotNull();
        items.AddColumn("received_at", "timestamptz").NotNull();
        items.AddColumn("hidden", "boolean").NotNull().DefaultValueByExpression("false");
        items.AddColumn("deleted", "boolean").NotNull().DefaultValueByExpression("false");
        // Whether the account likes the item on the network.
        items.AddColumn("liked", "boolean").NotNull().DefaultValueByExpression("false");
        // negative | neutral | positive, as the network said or a moderator set it; null when nobody judged it.
        items.AddColumn("sentiment", "text");
        // For replies: sent | failed, the network's message when it failed, and who wrote it.
        items.AddColumn("reply_status", "text");
        items.AddColumn("failure_message", "text");
        items.AddColumn("by_user", "uuid");
        // Arrival order: items of one delivery often share a timestamp (networks give seconds), and a thread reads in the order they came.
        items.AddColumn<long>("position").BigAutoIncrement().NotNull();

        // Each polled account's place in its network's inbox; written by the poller after the items are stored.
        var cursors = options.AddReadModelTable("inbox_poll_state");
        cursors.AddColumn<Guid>("account_id").AsPrimaryKey();
        cursors.AddColumn("cursor", "text");
        cursors.AddColumn("next_poll_at", "timestamptz").NotNull();
        cursors.AddColumn("failures", "integer").NotNull().DefaultValueByExpression("0");
        cursors.AddColumn("last_error", "text");
        cursors.AddColumn("last_polled_at", "timestamptz");
        cursors.AddColumn("leased_by", "text");
        cursors.AddColumn("lease_until", "timestamptz");
    }
}
