namespace Extensible.Inbox.Threads;

/// <summary>Where a thread stands. New threads are <see cref="New"/>; a new item on a resolved thread makes it new again.</summary>
public static class InboxStatus
{
    /// <summary>Nobody has looked at it yet.</summary>
    public const string New = "new";

    /// <summary>Being worked on.</summary>
    public const string Open = "open";

    /// <summary>Waiting for someone (the author, another team).</summary>
    public const string Pending = "pending";

    /// <summary>Done.</summary>
    public const string Resolved = "resolved";

    /// <summary>Spam: out of the way, kept.</summary>
    public const string Spam = "spam";

    /// <summary>Hidden on the network.</summary>
    public const string Hidden = "hidden";

    /// <summary>Every status, in the order the console lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [New, Open, Pending, Resolved, Spam, Hidden];

    /// <summary>Whether <paramref name="status"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}
