namespace Extensible.People;

/// <summary>
/// Who may do what, declared once: every page, page handler, hub method and API endpoint names one of these
/// policies, and <see cref="Rules"/> says which capabilities open each. The host registers the policies from
/// <see cref="Rules"/> and the authorization matrix test derives its expectations from it, so the console and the
/// API cannot disagree.
/// </summary>
public static class Policies
{
    /// <summary>Signed in, whatever the workspace (own account pages).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Any member of the current workspace: read-only views.</summary>
    public const string Member = "member";

    /// <summary>Compose and schedule.</summary>
    public const string Compose = "compose";

    /// <summary>Work the inbox.</summary>
    public const string Moderate = "moderate";

    /// <summary>Invite people, change roles, manage members' sign-in and tokens, read the audit trail.</summary>
    public const string ManagePeople = "manage-people";

    /// <summary>The workspace's name, settings and connected accounts.</summary>
    public const string ManageWorkspace = "manage-workspace";

    /// <summary>See which plugins the server runs (not change them, nor read their settings).</summary>
    public const string ViewPlugins = "view-plugins";

    /// <summary>Create a workspace.</summary>
    public const string CreateWorkspace = "create-workspace";

    /// <summary>
    /// The whole server: install, upgrade, enable, disable, uninstall and configure plugins (code that runs with the
    /// server's rights), name server operators, server settings.
    /// </summary>
    public const string OperateServer = "operate-server";

    /// <summary>
    /// Each policy and the capabilities that open it (any one of them); <see langword="null"/> for
    /// <see cref="SignedIn"/>, which any signed-in person satisfies.
    /// </summary>
    public static IReadOnlyDictionary<string, PolicyRule> Rules { get; } = new Dictionary<string, PolicyRule>(StringComparer.Ordinal)
    {
        [SignedIn] = new(null, "any signed-in person"),
        [Member] = new([Capabilities.ViewWorkspace], "any member of the current workspace"),
        [Compose] = new([Capabilities.Compose], "composing in the current workspace"),
        [Moderate] = new([Capabilities.Moderate], "moderating in the current workspace"),
        [ManagePeople] = new([Capabilities.ManagePeople], "managing the current workspace's people"),
        [ManageWorkspace] = new([Capabilities.ManageWorkspace], "managing the current workspace"),
        [ViewPlugins] = new([Capabilities.ManageWorkspace, Capabilities.OperateServer], "managing the current workspace, or operating the server"),
        [CreateWorkspace] = new([Capabilities.CreateWorkspaces], "creating workspaces (server operators, and owners when the server allows it)"),
        [OperateServer] = new([Capabilities.OperateServer], "operating the server"),
    };

    /// <summary>Whether someone holding <paramref name="capabilities"/> (and signed in) satisfies <paramref name="policy"/>.</summary>
    /// <exception cref="KeyNotFoundException">An undeclared policy.</exception>
    public static bool Allows(string policy, IReadOnlySet<string> capabilities) =>
        Rules[policy].AnyOf is not { } anyOf || anyOf.Any(capabilities.Contains);
}

/// <summary>What opens one policy.</summary>
/// <param name="AnyOf">Capabilities of which one is enough; <see langword="null"/> when being signed in is enough.</param>
/// <param name="Who">Who that is, in words, for the API reference and error messages.</param>
public sealed record PolicyRule(IReadOnlyList<string>? AnyOf, string Who);
