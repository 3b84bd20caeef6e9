namespace Extensible.People;

/// <summary>
/// What a person may do, named once: each role of a workspace is a set of these, and the server operator holds the
/// server's. The console's policies (<see cref="Policies"/>) ask for them; claims carry them (<see cref="ConsoleClaims.Capability"/>).
/// </summary>
public static class Capabilities
{
    /// <summary>See the workspace: dashboard, calendar, analytics, influencers.</summary>
    public const string ViewWorkspace = "workspace.view";

    /// <summary>Write, schedule and publish posts.</summary>
    public const string Compose = "posts.compose";

    /// <summary>Work the inbox.</summary>
    public const string Moderate = "inbox.moderate";

    /// <summary>Invite people, change their roles, manage their sign-in and tokens, read the audit trail.</summary>
    public const string ManagePeople = "people.manage";

    /// <summary>The workspace's name, settings and connected accounts.</summary>
    public const string ManageWorkspace = "workspace.manage";

    /// <summary>The workspace's ownership: making and unmaking owners.</summary>
    public const string OwnWorkspace = "workspace.own";

    /// <summary>Create new workspaces (server operators; workspace owners too when the operator allows it).</summary>
    public const string CreateWorkspaces = "workspaces.create";

    /// <summary>
    /// Everything that affects the whole server: plugins (which run with the server's rights) and their settings,
    /// server operators, server-wide settings.
    /// </summary>
    public const string OperateServer = "server.operate";

    private static readonly Dictionary<Role, IReadOnlySet<string>> ByRole = new()
    {
        [Role.Analyst] = new HashSet<string>(StringComparer.Ordinal) { ViewWorkspace },
        [Role.Moderator] = new HashSet<string>(StringComparer.Ordinal) { ViewWorkspace, Moderate },
        [Role.Editor] = new HashSet<string>(StringComparer.Ordinal) { ViewWorkspace, Compose },
        [Role.Admin] = new HashSet<string>(StringComparer.Ordinal) { ViewWorkspace, Compose, Moderate, ManagePeople, ManageWorkspace },
        [Role.Owner] = new HashSet<string>(StringComparer.Ordinal) { ViewWorkspace, Compose, Moderate, ManagePeople, ManageWorkspace, OwnWorkspace },
    };

    /// <summary>The capabilities that concern the whole server, not one workspace; a role never holds them.</summary>
    public static IReadOnlyList<string> Server { get; } = [CreateWorkspaces, OperateServer];

    /// <summary>Every capability there is.</summary>
    public static IReadOnlyList<string> All { get; } = [ViewWorkspace, Compose, Moderate, ManagePeople, ManageWorkspace, OwnWorkspace, CreateWorkspaces, OperateServer];

    /// <summary>What <paramref name="role"/> may do in its workspace.</summary>
    /// <exception cref="PeopleValidationException">A value that is no role (from a form or request).</exception>
    public static IReadOnlySet<string> Of(Role role) =>
        ByRole.TryGetValue(role, out var capabilities)
            ? capabilities
            : throw new PeopleValidationException("Role", $"Role must be one of {string.Join(", ", Enum.GetNames<Role>().Reverse())}.");

    /// <summary>
    /// The server-wide capabilities of a person: an operator holds them all; with <paramref name="ownersMayCreateWorkspaces"/>
    /// an owner of <paramref name="currentRole"/>'s workspace may create workspaces too.
    /// </summary>
    public static IReadOnlySet<string> OfServer(bool isOperator, bool ownersMayCreateWorkspaces, Role? currentRole) =>
        isOperator ? Server.ToHashSet(StringComparer.Ordinal)
        : ownersMayCreateWorkspaces && currentRole is { } role && Of(role).Contains(OwnWorkspace) ? new HashSet<string>(StringComparer.Ordinal) { CreateWorkspaces }
        : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether holding <paramref name="granter"/>'s capabilities is enough to hand out <paramref name="role"/>: its every capability.</summary>
    public static bool Covers(Role granter, Role role) => Of(role).IsSubsetOf(Of(granter));

    /// <summary>
    /// The role whose capabilities are those both roles hold (roles are closed under this: Editor and Moderator
    /// meet at Analyst). A token never does more than its role and its person's current role both allow.
    /// </summary>
    public static Role Meet(Role a, Role b)
    {
        var both = Of(a).Intersect(Of(b)).ToHashSet(StringComparer.Ordinal);
        return ByRole.Single(pair => pair.Value.SetEquals(both)).Key;
    }
}
