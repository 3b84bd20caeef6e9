namespace Extensible.Inbox.Threads;

/// <summary>A thread as lists show it. Its texts come from the public: encode them wherever they are shown.</summary>
public sealed record InboxThreadRow(
    Guid Id, Guid WorkspaceId, Guid AccountId, string PlatformKey, string Kind, string Status, string Priority, Guid? AssigneeId,
    IReadOnlyList<string> Labels, string Preview, string AuthorHandle, string? AuthorName, string? PlatformPostId, Guid? OurPostId,
    DateTimeOffset FirstItemAt, DateTimeOffset LastItemAt, int ItemCount, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt,
    string? Escalation, long Version)
{
    /// <summary>The sentiment of its newest item from the public that has one (<see cref="InboxSentiment"/>), or null when none has.</summary>
    public string? Sentiment { get; init; }
}

/// <summary>
/// An item of a thread: from the public (<see cref="Direction"/> <c>in</c>) or our reply (<c>out</c>, with its
/// <see cref="ReplyStatus"/> <c>sent</c> or <c>failed</c> and the network's message).
/// </summary>
public sealed record InboxItemRow(
    Guid Id, string Direction, string? PlatformItemId, string Kind, string? AuthorId, string? AuthorHandle, string? AuthorName, string? AuthorUrl,
    long? AuthorFollowers, bool AuthorVerified, string Text, string? Url, string? ParentItemId, string? ConversationId, DateTimeOffset CreatedAt, bool Hidden, bool Deleted,
    string? ReplyStatus, string? FailureMessage, Guid? By)
{
    /// <summary>Whether the account likes the item on the network.</summary>
    public bool Liked { get; init; }

    /// <summary>For items from the public: its sentiment (<see cref="InboxSentiment"/>), as the network said or a moderator set it; null when nobody judged it.</summary>
    public string? Sentiment { get; init; }
}

/// <summary>A thread with its items, oldest first.</summary>
public sealed record InboxThreadView(InboxThreadRow Thread, IReadOnlyList<InboxItemRow> Items);

/// <summary>A page of threads, newest first, and where the next page starts (null on the last).</summary>
public sealed record InboxPage(IReadOnlyList<InboxThreadRow> Threads, string? Next);
