namespace Extensible.Inbox.Sla;

/// <summary>
/// A thread's response times in business time, against the workspace's targets: the first reply and the resolution once they
/// happened, and how long an unanswered or unresolved thread has waited so far.
/// </summary>
/// <param name="FirstResponse">First item to our first reply; null before one.</param>
/// <param name="Resolution">First item to resolved; null while not resolved.</param>
/// <param name="Waiting">First item to now, for a thread still waiting (not resolved, spam or hidden); null otherwise.</param>
/// <param name="Hours">The workspace's hours now (their targets, and whether they are always open).</param>
/// <param name="TimeZone">The zone the hours are in.</param>
public sealed record InboxThreadSla(TimeSpan? FirstResponse, TimeSpan? Resolution, TimeSpan? Waiting, BusinessHours Hours, string TimeZone)
{
    /// <summary>Whether the first reply met the target; null without a reply or a target.</summary>
    public bool? FirstResponseMet => Met(FirstResponse, Hours.FirstResponseTarget);

    /// <summary>Whether the resolution met the target; null unresolved or without a target.</summary>
    public bool? ResolutionMet => Met(Resolution, Hours.ResolutionTarget);

    /// <summary>The target the waiting is measured against: the first response's until there is a reply, then the resolution's.</summary>
    public TimeSpan? WaitingTarget => FirstResponse is null ? Hours.FirstResponseTarget : Hours.ResolutionTarget;

    /// <summary>Whether a waiting thread is past its target already; null when not waiting or without a target.</summary>
    public bool? WaitingOverdue => Waiting is { } w && WaitingTarget is { } t ? w > t : null;

    private static bool? Met(TimeSpan? took, TimeSpan? target) => took is { } a && target is { } b ? a <= b : null;
}
