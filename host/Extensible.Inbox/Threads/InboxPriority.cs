namespace Extensible.Inbox.Threads;

/// <summary>How urgent a thread is.</summary>
public static class InboxPriority
{
    /// <summary>Can wait.</summary>
    public const string Low = "low";

    /// <summary>The default.</summary>
    public const string Normal = "normal";

    /// <summary>Before the others.</summary>
    public const string High = "high";

    /// <summary>Now.</summary>
    public const string Urgent = "urgent";

    /// <summary>Every priority, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Low, Normal, High, Urgent];

    /// <summary>Whether <paramref name="priority"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? priority) => priority is not null && All.Contains(priority, StringComparer.Ordinal);

    /// <summary>The priority's rank, for sorting (0 for low).</summary>
    public static int Rank(string priority) => Math.Max(0, All.ToList().IndexOf(priority));
}
