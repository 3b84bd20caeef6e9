namespace Extensible.Inbox.Actions;

/// <summary>
/// Someone else acted on the thread (or a new item arrived) since the moderator looked: nothing was changed, and
/// <see cref="Changes"/> says what happened in between, so they can look again and retry.
/// </summary>
public sealed class InboxThreadChangedException(Guid threadId, long expectedVersion, long actualVersion, IReadOnlyList<string> changes)
    : Exception($"The thread changed since you looked: {string.Join("; ", changes)}.")
{
    /// <summary>The thread.</summary>
    public Guid ThreadId { get; } = threadId;

    /// <summary>The version the moderator saw.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version the thread is at.</summary>
    public long ActualVersion { get; } = actualVersion;

    /// <summary>What happened since, in words (who did what).</summary>
    public IReadOnlyList<string> Changes { get; } = changes;
}
