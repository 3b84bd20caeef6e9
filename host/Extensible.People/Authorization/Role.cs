namespace Extensible.People;

/// <summary>What a person may do in one workspace.</summary>
public enum Role
{
    /// <summary>Read-only reports.</summary>
    Analyst = 1,

    /// <summary>Works the inbox.</summary>
    Moderator = 2,

    /// <summary>Composes and schedules.</summary>
    Editor = 3,

    /// <summary>Everything but the workspace's ownership.</summary>
    Admin = 4,

    /// <summary>Everything.</summary>
    Owner = 5,
}
