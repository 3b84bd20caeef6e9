using Extensible.EventStore;

namespace Extensible.Publishing.Posts;

/// <summary>A post as its stream says, folded event by event: what a command decides on.</summary>
internal sealed class PostState
{
    public Guid PostId { get; private set; }

    public long Version { get; private set; }

    public PostContentDraft Content { get; private set; } = new();

    public List<PostTarget> Targets { get; } = [];

    /// <summary>Status per target account: draft, scheduled, publishing, published, retrying, failed, needs_decision, dropped, deleted.</summary>
    public Dictionary<Guid, string> Status { get; } = [];

    public bool Scheduled { get; private set; }

    public bool Discarded { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Whether anything was ever sent (or is being sent) for the target: its content is then fixed.</summary>
    public bool Started(Guid accountId) => Status.TryGetValue(accountId, out var s) && s is not ("draft" or "scheduled");

    public bool AnyStarted => Targets.Exists(t => Started(t.AccountId));

    public static PostState? From(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var state = new PostState();
        foreach (var e in events)
        {
            state.Apply(e.Data);
            state.Version = e.Version;
        }

        return state.PostId == Guid.Empty ? null : state;
    }

    private void Apply(object data)
    {
        switch (data)
        {
            case PostDrafted d:
                PostId = d.PostId;
                SetTargets(d.Content, d.Targets);
                break;
            case PostEdited d:
                SetTargets(d.Content, d.Targets);
                break;
            case PostScheduled s:
                Schedule(s.DueAt);
                break;
            case PostRescheduled s:
                Schedule(s.DueAt);
                break;
            case PostUnscheduled:
                Scheduled = false;
                DueAt = null;
                SetUnsent("draft");
                break;
            case PostDiscarded:
                Discarded = true;
                Scheduled = false;
                SetUnsent("dropped");
                break;
            case TargetPublishStarted s:
                Status[s.AccountId] = "publishing";
                break;
            case TargetPublished p:
                Status[p.AccountId] = "published";
                break;
            case TargetFailed f:
                Status[f.AccountId] = f.RetryAt is null ? "failed" : "retrying";
                break;
            case TargetRetried r:
                Status[r.AccountId] = "scheduled";
                break;
            case TargetNeedsDecision n:
                Status[n.AccountId] = "needs_decision";
                break;
            case TargetMarkedSent m:
                Status[m.AccountId] = "published";
                break;
            case TargetDropped d:
                Status[d.AccountId] = "dropped";
                break;
            case TargetDeleted d:
                Status[d.AccountId] = "deleted";
                break;
        }
    }

    private void SetTargets(PostContentDraft content, IReadOnlyList<PostTarget> targets)
    {
        Content = content;
        var kept = targets.Select(t => t.AccountId).ToHashSet();
        // Targets already sent stay whatever the edit says (the read model keeps them too).
        foreach (var gone in Targets.Where(t => !kept.Contains(t.AccountId) && !Started(t.AccountId)).ToList())
        {
            Targets.Remove(gone);
            Status.Remove(gone.AccountId);
        }

        foreach (var target in targets)
        {
            var index = Targets.FindIndex(t => t.AccountId == target.AccountId);
            if (index < 0)
            {
                Targets.Add(target);
                Status[target.AccountId] = Scheduled ? "scheduled" : "draft";
            }
            else if (!Started(target.AccountId))
            {
                Targets[index] = target;
            }
        }
    }

    private void Schedule(DateTimeOffset dueAt)
    {
        Scheduled = true;
        DueAt = dueAt;
        SetUnsent("scheduled");
    }

    private void SetUnsent(string status)
    {
        foreach (var target in Targets.Where(t => Status[t.AccountId] is "draft" or "scheduled"))
        {
            Status[target.AccountId] = status;
        }
    }
}
