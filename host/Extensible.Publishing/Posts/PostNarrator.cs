using Extensible.EventStore;

namespace Extensible.Publishing.Posts;

/// <summary>Tells a post's events as lines of its history.</summary>
internal static class PostNarrator
{
    public static PostHistoryEntry Narrate(StoredEvent e)
    {
        var (account, what) = e.Data switch
        {
            PostDrafted d => (null, $"Drafted for {d.Targets.Count} account{(d.Targets.Count == 1 ? "" : "s")}"),
            PostEdited => ((Guid?)null, "Edited"),
            PostScheduled { Now: true } => (null, "Sent to publish now"),
            PostScheduled s => (null, $"Scheduled for {s.LocalTime.Replace('T', ' ')} ({s.TimeZone})"),
            PostRescheduled s => (null, $"Moved to {s.LocalTime.Replace('T', ' ')} ({s.TimeZone})"),
            PostUnscheduled => (null, "Unscheduled: back to draft"),
            PostDiscarded => (null, "Discarded"),
            TargetPublishStarted s => (s.AccountId, $"Publishing (attempt {s.Attempt})"),
            TargetPublished p => (p.AccountId, p.Url is null ? "Published" : $"Published at {p.Url}"),
            TargetFailed f => (f.AccountId, $"Failed ({f.Failure}): {f.PlatformMessage ?? f.Message}{(f.RetryAt is { } at ? $"; retrying at {at:u}" : "")}"),
            TargetRetried r => (r.AccountId, "Sent again"),
            TargetNeedsDecision n => (n.AccountId, $"Needs a decision: {n.Reason}"),
            TargetMarkedSent m => (m.AccountId, m.Url is null ? "Marked as sent" : $"Marked as sent ({m.Url})"),
            TargetDropped d => (d.AccountId, "Dropped"),
            TargetDeleted d => (d.AccountId, "Deleted from the network"),
            _ => (null, e.Alias),
        };
        return new PostHistoryEntry(e.Timestamp, e.Version, account, e.Alias, what, e.Metadata.User);
    }
}
