using Extensible.Inbox.Deliveries;
using Extensible.Inbox.Threads;

namespace Extensible.Host.Api;

/// <summary>A page of threads, newest activity first.</summary>
/// <param name="Threads">The threads (their texts come from the public: encode them wherever they are shown).</param>
/// <param name="Next">Send as <c>after</c> for the next page; null on the last.</param>
public sealed record InboxPageResponse(IReadOnlyList<InboxThreadRow> Threads, string? Next);

/// <summary>One thread with its items and the author's earlier threads with the same account.</summary>
/// <param name="Thread">The thread; its <c>version</c> is what actions take.</param>
/// <param name="Items">Its items, oldest first (at most the newest 500): from the public (<c>in</c>) and our replies (<c>out</c>, <c>sent</c> or <c>failed</c> with the network's message).</param>
/// <param name="AuthorHistory">The author's other threads with this account, newest first (at most 10).</param>
public sealed record InboxThreadResponse(InboxThreadRow Thread, IReadOnlyList<InboxItemRow> Items, IReadOnlyList<InboxThreadRow> AuthorHistory);

/// <summary>A new status for a thread.</summary>
/// <param name="Status"><c>new</c>, <c>open</c> (reopen), <c>pending</c>, <c>resolved</c> or <c>spam</c>.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxStatusRequest(string? Status, long? Version);

/// <summary>Who a thread goes to.</summary>
/// <param name="Assignee"><c>me</c>, a member's id, or null (or empty) for no one.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxAssignRequest(string? Assignee, long? Version);

/// <summary>A thread's labels, replacing the ones it has.</summary>
/// <param name="Labels">The labels (trimmed, lower-cased, at most 10 of at most 40 characters).</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxLabelsRequest(IReadOnlyList<string?>? Labels, long? Version);

/// <summary>A thread's priority.</summary>
/// <param name="Priority"><c>low</c>, <c>normal</c>, <c>high</c> or <c>urgent</c>.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxPriorityRequest(string? Priority, long? Version);

/// <summary>An escalation.</summary>
/// <param name="Note">For whoever takes it up: 1 to 2,000 characters.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxEscalateRequest(string? Note, long? Version);

/// <summary>A reply on the network.</summary>
/// <param name="Text">The reply: 1 to 10,000 characters (the network's own limit is checked by the network).</param>
/// <param name="To">The network's id of the item replied to; the thread's newest item from the public when left out.</param>
/// <param name="ReplyId">To send a failed reply again: its id (the new attempt takes its place).</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxReplyRequest(string? Text, string? To, Guid? ReplyId, long? Version);

/// <summary>An item of a thread to act on, on the network.</summary>
/// <param name="Item">The network's id of the item (<c>platformItemId</c>); the thread's newest item from the public when left out.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxItemRequest(string? Item, long? Version);

/// <summary>A reply of ours to delete on the network.</summary>
/// <param name="ReplyId">The reply's id (its item's <c>id</c>, or <c>replyId</c> from the reply's answer).</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxDeleteReplyRequest(Guid? ReplyId, long? Version);

/// <summary>An item's sentiment, set by hand.</summary>
/// <param name="Sentiment"><c>negative</c>, <c>neutral</c> or <c>positive</c>, or <c>unknown</c> to clear it.</param>
/// <param name="Item">The network's id of an item from the public (<c>platformItemId</c>); the thread's newest when left out.</param>
/// <param name="Version">The thread's version as the caller saw it.</param>
public sealed record InboxSentimentRequest(string? Sentiment, string? Item, long? Version);

/// <summary>One action on many threads, each at its version now (as the console's bulk bar does).</summary>
/// <param name="Ids">The threads (at most 100).</param>
/// <param name="Action"><c>resolve</c>, <c>spam</c> or <c>assign-me</c>.</param>
public sealed record InboxBulkRequest(IReadOnlyList<Guid>? Ids, string? Action);

/// <summary>What a bulk action did.</summary>
/// <param name="Done">The threads changed.</param>
/// <param name="NotDone">The threads left as they were: not in this workspace, or changed by someone at that very moment.</param>
public sealed record InboxBulkResponse(IReadOnlyList<Guid> Done, IReadOnlyList<Guid> NotDone);

/// <summary>How a reply went, and the thread as it now is.</summary>
/// <param name="ReplyId">The reply's id: send it again as <c>replyId</c> to retry a failed reply.</param>
/// <param name="Sent">Whether the network took it.</param>
/// <param name="PlatformReplyId">The network's id of the reply, when sent.</param>
/// <param name="Message">The network's message, when it refused: the reply stays on the thread as failed.</param>
/// <param name="Thread">The thread with its items.</param>
public sealed record InboxReplyResponse(Guid ReplyId, bool Sent, string? PlatformReplyId, string? Message, InboxThreadResponse Thread);

/// <summary>The workspace's kept webhook deliveries.</summary>
/// <param name="Count">How many wait for an operator.</param>
/// <param name="Deliveries">The deliveries asked for, newest first (at most 200).</param>
public sealed record KeptDeliveriesResponse(long Count, IReadOnlyList<KeptDelivery> Deliveries);
