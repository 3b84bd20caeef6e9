namespace Extensible.People;

/// <summary>
/// The named authorization policies every page, form, hub method and API endpoint is guarded by. Each is a
/// set of roles in the caller's current workspace.
/// </summary>
public static class Policies
{
    /// <summary>Any member of the current workspace (Analyst and up): read-only views.</summary>
    public const string Member = "member";

    /// <summary>Owner, Admin, Editor: compose and schedule.</summary>
    public const string Compose = "compose";

    /// <summary>Owner, Admin, Moderator: work the inbox.</summary>
    public const string Moderate = "moderate";

    /// <summary>Owner, Admin: invite people, change roles, manage plugins and settings.</summary>
    public const string Administer = "administer";

    /// <summary>Owner only: workspaces themselves, ownership.</summary>
    public const string Owner = "owner";

    /// <summary>Signed in, whatever the workspace (own account pages).</summary>
    public const string SignedIn = "signed-in";
}
