using Extensible.Sdk.Connectors;

namespace Extensible.Sdk.Moderation;

/// <summary>What a moderation step wants done with an item. Everything is optional; <see cref="None"/> changes nothing.</summary>
public sealed record ModerationDecision
{
    /// <summary>Changes nothing.</summary>
    public static ModerationDecision None { get; } = new();

    /// <summary>Labels to add (<c>question</c>, <c>complaint</c>, <c>spam</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>A new priority, or <see langword="null"/> to leave it.</summary>
    public InboxPriority? Priority { get; init; }

    /// <summary>Whom to assign it to: a member's e-mail or a team name; <see langword="null"/> to leave it.</summary>
    public string? AssignTo { get; init; }

    /// <summary>A reply to send automatically (off-hours notices, FAQ answers), or <see langword="null"/>.</summary>
    public string? AutoReply { get; init; }

    /// <summary><see langword="true"/> to hide the comment on the network.</summary>
    public bool Hide { get; init; }

    /// <summary><see langword="true"/> to escalate it (notify the workspace's escalation contacts).</summary>
    public bool Escalate { get; init; }

    /// <summary>The item's tone as the step judged it, or <see langword="null"/> to leave it as the network said.</summary>
    public Sentiment? Sentiment { get; init; }

    /// <summary>Why, shown in the item's history.</summary>
    public string? Reason { get; init; }

    /// <summary><see langword="true"/> to stop later steps from running on this item.</summary>
    public bool StopProcessing { get; init; }
}
