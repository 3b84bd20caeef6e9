namespace Extensible.Sdk.Moderation;

/// <summary>How urgently an inbox item needs a person.</summary>
public enum InboxPriority
{
    /// <summary>Whenever someone gets to it.</summary>
    Low = 0,

    /// <summary>The usual.</summary>
    Normal = 1,

    /// <summary>Before the usual ones.</summary>
    High = 2,

    /// <summary>Now (a crisis, a legal threat, a safety issue).</summary>
    Urgent = 3,
}
