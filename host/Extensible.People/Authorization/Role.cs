namespace Extensible.People;

/// <summary>
/// A person's role in one workspace: a named set of <see cref="Capabilities"/>, not a rank. Moderator and Editor
/// are different rights; compare roles with <see cref="Capabilities.Covers"/>, never by their numbers.
/// </summary>
public enum Role
{
    /// <summary>Reads: dashboard, calendar, analytics.</summary>
    Analyst = 1,

    /// <summary>Reads and works the inbox.</summary>
    Moderator = 2,

    /// <summary>Reads, composes and schedules.</summary>
    Editor = 3,

    /// <summary>Everything in the workspace but its ownership.</summary>
    Admin = 4,

    /// <summary>Everything in the workspace.</summary>
    Owner = 5,
}
