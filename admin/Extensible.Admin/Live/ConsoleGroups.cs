using System.Text.RegularExpressions;
using Extensible.Admin.Shell;
using Extensible.People;

namespace Extensible.Admin.Live;

/// <summary>
/// The SignalR groups of the console hub. Every connection is in its workspace's group; a page also joins the
/// group of the view it shows, so a push reaches only the screens that show what changed.
/// </summary>
public static partial class ConsoleGroups
{
    /// <summary>Everyone in workspace <paramref name="workspaceId"/>: <c>ws:{id}</c>.</summary>
    public static string Workspace(string workspaceId) => $"ws:{workspaceId}";

    /// <summary>Everyone in workspace <paramref name="workspaceId"/> looking at <paramref name="view"/>: <c>ws:{id}:view:{view}</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="view"/> is not a valid view name.</exception>
    public static string View(string workspaceId, string view)
    {
        if (!IsValidView(view))
        {
            throw new ArgumentException($"'{view}' is not a view name: lower-case letters, digits and hyphens, 1 to 64 characters.", nameof(view));
        }

        return $"ws:{workspaceId}:view:{view}";
    }

    /// <summary>
    /// Views that show what every workspace shares (the server's plugins), with the policy a person needs to change what
    /// they show. Their pushes go to <see cref="Shared"/> groups, across workspaces, in two renderings: with and without
    /// the controls that change things.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SharedViews { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ConsoleRooms.Plugins.Slug] = Policies.OperateServer,
    };

    /// <summary>
    /// Everyone, in any workspace, looking at the shared <paramref name="view"/> who may (or may not) change what it shows:
    /// <c>shared:view:{view}:change</c> or <c>shared:view:{view}:read</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="view"/> is not a valid view name.</exception>
    public static string Shared(string view, bool mayChange) =>
        IsValidView(view)
            ? $"shared:view:{view}:{(mayChange ? "change" : "read")}"
            : throw new ArgumentException($"'{view}' is not a view name: lower-case letters, digits and hyphens, 1 to 64 characters.", nameof(view));

    /// <summary>Whether <paramref name="view"/> is a view name: a short slug such as <c>inbox</c> or <c>post-42</c>.</summary>
    public static bool IsValidView(string? view) => view is not null && ViewName().IsMatch(view);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ViewName();
}
