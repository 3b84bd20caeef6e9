using Extensible.EventStore;
using Extensible.Inbox.Threads;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.Inbox.ReadModel;

/// <summary>
/// The inbox read model, kept inline: a new item, a status change or a reply is in every node's list the moment its
/// append returns, which is what the live console pushes render.
/// </summary>
internal sealed class InboxProjection : IProjection
{
    /// <summary>The longest preview a thread row keeps of its newest item.</summary>
    public const int PreviewLength = 280;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            foreach (var (sql, values) in Commands(e))
            {
                operations.QueueSql(sql, values);
            }
        }

        return Task.CompletedTask;
    }

    private static (string Sql, object?[] Values)[] Commands(IEvent e) => e.Data switch
    {
        InboxItemReceived r => Received(r, e),
        InboxThreadStatusChanged s =>
        [
            Thread(e, s.ThreadId, "status = $2, resolved_at = case when $2 = 'resolved' then $3 else null end", s.Status, e.Timestamp),
        ],
        InboxThreadAssigned a => [Thread(e, a.ThreadId, "assignee_id = $2", a.AssigneeId)],
        InboxThreadLabelled l => [Thread(e, l.ThreadId, "labels = $2", (object)l.Labels.ToArray())],
        InboxThreadPrioritized p => [Thread(e, p.ThreadId, "priority = $2", p.Priority)],
        InboxThreadEscalated x => [Thread(e, x.ThreadId, "escalation = $2, status = case when status in ('new', 'resolved') then 'open' else status end", x.Note)],
        InboxReplySent s =>
        [
            Reply(e, s.ThreadId, s.ReplyId, s.ToItemId, s.Text, "sent", null, s.By),
            Thread(e, s.ThreadId, "first_response_at = coalesce(first_response_at, $2), status = case when status = 'new' then 'open' else status end", e.Timestamp),
        ],
        InboxReplyFailed f =>
        [
            Reply(e, f.ThreadId, f.ReplyId, f.ToItemId, f.Text, "failed", f.Message, f.By),
            Thread(e, f.ThreadId),
        ],
        InboxReplyDeleted d =>
        [
            One("update inbox_items set deleted = true where id = $1 and thread_id = $2 and direction = 'out'", d.ReplyId, d.ThreadId),
            Thread(e, d.ThreadId),
        ],
        InboxItemHidden h =>
        [
            One("update inbox_items set hidden = $3 where thread_id = $1 and platform_item_id = $2 and direction = 'in'", h.ThreadId, h.PlatformItemId, h.Hidden),
            Thread(e, h.ThreadId,
                "status = case when $2 then 'hidden' when status = 'hidden' then 'open' else status end", h.Hidden),
        ],
        InboxItemDeleted d =>
        [
            One("update inbox_items set deleted = true where thread_id = $1 and platform_item_id = $2 and direction = 'in'", d.ThreadId, d.PlatformItemId),
            Thread(e, d.ThreadId),
        ],
        InboxItemSentimentSet m =>
        [
            One("update inbox_items set sentiment = $3 where thread_id = $1 and platform_item_id = $2 and direction = 'in'", m.ThreadId, m.PlatformItemId,
                InboxSentiment.IsKnown(m.Sentiment) ? m.Sentiment : null),
            Thread(e, m.ThreadId, $"sentiment = {NewestSentiment}"),
        ],
        InboxItemLiked l => Liked(e, l.ThreadId, l.PlatformItemId, true),
        InboxItemUnliked u => Liked(e, u.ThreadId, u.PlatformItemId, false),
        _ => [],
    };

    // The thread's sentiment is its newest item's from the public that has one, in the order the thread reads (the order
    // preview follows by last_item_at): an item arriving late, or a correction of an older item, leaves a newer one's.
    private const string NewestSentiment =
        "(select i.sentiment from inbox_items i where i.thread_id = $1 and i.direction = 'in' and i.sentiment is not null order by i.created_at desc, i.position desc limit 1)";

    private static (string, object?[])[] Liked(IEvent e, Guid threadId, string platformItemId, bool liked) =>
    [
        One("update inbox_items set liked = $3 where thread_id = $1 and platform_item_id = $2 and direction = 'in'", threadId, platformItemId, liked),
        Thread(e, threadId),
    ];

    private static (string, object?[])[] Received(InboxItemReceived r, IEvent e)
    {
        // A network's clock may run ahead (or a hostile one lie): an item never sorts after the moment it arrived.
        var at = r.CreatedAt < e.Timestamp ? r.CreatedAt : e.Timestamp;
        var preview = r.Text.Length > PreviewLength ? r.Text[..PreviewLength] : r.Text;
        // Only a known value reaches the read model (events are checked when made, but the log outlives the checks).
        var sentiment = InboxSentiment.IsKnown(r.Sentiment) ? r.Sentiment : null;
        (string, object?[])[] commands =
        [
            One(
                "insert into inbox_threads (id, workspace_id, account_id, platform_key, kind, thread_key, status, priority, preview, author_handle, author_name, "
                + "platform_post_id, our_post_id, first_item_at, last_item_at, item_count, version, updated) "
                + "values ($1, $2, $3, $4, $5, $6, 'new', 'normal', $7, $8, $9, $10, "
                + "(select t.post_id from publishing_targets t where t.account_id = $3 and t.platform_post_id = $10 limit 1), $11, $11, 1, 1, $12) "
                + "on conflict (id) do update set item_count = inbox_threads.item_count + 1, "
                + "preview = case when excluded.last_item_at >= inbox_threads.last_item_at then excluded.preview else inbox_threads.preview end, "
                + "author_handle = case when excluded.last_item_at >= inbox_threads.last_item_at then excluded.author_handle else inbox_threads.author_handle end, "
                + "author_name = case when excluded.last_item_at >= inbox_threads.last_item_at then excluded.author_name else inbox_threads.author_name end, "
                + "last_item_at = greatest(inbox_threads.last_item_at, excluded.last_item_at), "
                + "status = case when inbox_threads.status = 'resolved' then 'new' else inbox_threads.status end, "
                + "resolved_at = case when inbox_threads.status = 'resolved' then null else inbox_threads.resolved_at end, "
                + "version = inbox_threads.version + 1, updated = excluded.updated",
                r.ThreadId, r.WorkspaceId, r.AccountId, r.PlatformKey, InboxKinds.Stored(r.Kind), r.ThreadKey, preview, r.Author.Handle, r.Author.DisplayName,
                r.PlatformPostId, at, e.Timestamp),
            One(
                "insert into inbox_items (id, thread_id, workspace_id, account_id, direction, platform_item_id, kind, author_id, author_handle, author_name, "
                + "author_url, author_followers, author_verified, text, url, parent_item_id, conversation_id, created_at, received_at, sentiment) "
                + "values ($1, $2, $3, $4, 'in', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) on conflict (id) do nothing",
                e.Id, r.ThreadId, r.WorkspaceId, r.AccountId, r.PlatformItemId, InboxKinds.Stored(r.Kind), r.Author.PlatformUserId, r.Author.Handle, r.Author.DisplayName,
                r.Author.ProfileUrl, r.Author.Followers, r.Author.IsVerified, r.Text, r.Url, r.ParentItemId, r.ConversationId, at, e.Timestamp, sentiment),
        ];

        // An item without a sentiment changes no thread's.
        return sentiment is null ? commands : [.. commands, One($"update inbox_threads set sentiment = {NewestSentiment} where id = $1", r.ThreadId)];
    }

    private static (string, object?[]) Reply(IEvent e, Guid threadId, Guid replyId, string toItemId, string text, string status, string? message, Guid by) => One(
        "insert into inbox_items (id, thread_id, workspace_id, account_id, direction, platform_item_id, kind, text, parent_item_id, created_at, received_at, reply_status, failure_message, by_user) "
        + "select $1, t.id, t.workspace_id, t.account_id, 'out', null, t.kind, $3, $4, $5, $5, $6, $7, $8 from inbox_threads t where t.id = $2 "
        + "on conflict (id) do update set text = excluded.text, reply_status = excluded.reply_status, failure_message = excluded.failure_message, created_at = excluded.created_at",
        replyId, threadId, text, toItemId, e.Timestamp, status, message, by);

    // $1 is the thread; the set clause's values follow. Every event of the thread's stream passes here once, in order, so
    // counting them gives the stream's version, which actions expect. (Marten's quick appends at any version give inline
    // projections versions relative to the append, not the stream's.)
    private static (string, object?[]) Thread(IEvent e, Guid threadId, string? set = null, params object?[] values) => One(
        $"update inbox_threads set {(set is null ? "" : set + ", ")}version = version + 1, updated = ${values.Length + 2} where id = $1",
        [threadId, .. values, e.Timestamp]);

    private static (string, object?[]) One(string text, params object?[] values) => (text, values);
}
