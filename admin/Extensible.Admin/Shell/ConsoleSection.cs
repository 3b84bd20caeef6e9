namespace Extensible.Admin.Shell;

/// <summary>The groups of the console's navigation, in the order they are shown.</summary>
public enum ConsoleSection
{
    /// <summary>Day-to-day work: dashboard, compose, calendar, inbox.</summary>
    Work,

    /// <summary>What the audience does: influencers, analytics.</summary>
    Insight,

    /// <summary>Running the workspace: plugins, accounts, people, audit, settings.</summary>
    Administration,
}
