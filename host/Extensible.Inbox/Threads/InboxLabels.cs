namespace Extensible.Inbox.Threads;

/// <summary>The rules for a thread's labels: short, trimmed, lower-case words, a handful per thread.</summary>
public static class InboxLabels
{
    /// <summary>The longest label.</summary>
    public const int MaxLength = 40;

    /// <summary>The most labels on one thread.</summary>
    public const int MaxCount = 10;

    /// <summary>The labels as stored (trimmed, lower-case, distinct, sorted), or why they cannot be.</summary>
    public static (IReadOnlyList<string> Labels, string? Error) Normalize(IEnumerable<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var normalized = labels.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        if (normalized.Any(l => l.Length > MaxLength || l.Any(char.IsControl)))
        {
            return ([], $"A label has at most {MaxLength} characters and no control characters.");
        }

        return normalized.Count > MaxCount ? ([], $"A thread has at most {MaxCount} labels.") : (normalized, null);
    }
}
