namespace Extensible.Publishing.Posts;

/// <summary>The statuses of a post's targets as people read them, and a post's summary from its targets.</summary>
public static class PostStatuses
{
    /// <summary>A target's status in words.</summary>
    public static string Describe(string status) => status switch
    {
        "draft" => "a draft",
        "scheduled" => "scheduled",
        "publishing" => "being published",
        "published" => "published",
        "retrying" => "waiting to retry",
        "failed" => "failed",
        "needs_decision" => "waiting for a decision",
        "dropped" => "dropped",
        "deleted" => "deleted from the network",
        _ => status,
    };

    /// <summary>
    /// A post's state from its targets, partial when partial: <c>2 of 3 published, 1 failed: the network's message</c>.
    /// </summary>
    public static string Summarize(IReadOnlyCollection<(string Status, string? Message)> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var live = targets.Where(t => t.Status is not "dropped").ToList();
        if (live.Count == 0)
        {
            return targets.Count == 0 ? "no accounts yet" : "dropped";
        }

        if (live.TrueForAll(t => t.Status == "draft"))
        {
            return "draft";
        }

        if (live.TrueForAll(t => t.Status == live[0].Status))
        {
            return live.Count == 1 ? Describe(live[0].Status) : $"all {live.Count} {Describe(live[0].Status)}";
        }

        var published = live.Count(t => t.Status == "published");
        var parts = new List<string>();
        if (published > 0)
        {
            parts.Add($"{published} of {live.Count} published");
        }

        foreach (var group in live.Where(t => t.Status is not "published" and not "failed").GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            parts.Add($"{group.Count()} {Describe(group.Key)}");
        }

        var failed = live.Where(t => t.Status == "failed").ToList();
        if (failed.Count > 0)
        {
            var message = failed.Select(f => f.Message).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
            parts.Add(message is null ? $"{failed.Count} failed" : $"{failed.Count} failed: {message}");
        }

        return string.Join(", ", parts);
    }
}
