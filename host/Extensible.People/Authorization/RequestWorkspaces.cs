using Microsoft.AspNetCore.Http;

namespace Extensible.People;

/// <summary>
/// The signed-in person's workspaces, read once per request (when their claims are computed) and kept on the request,
/// so the console's frame shows the switcher without asking the database again.
/// </summary>
public static class RequestWorkspaces
{
    private static readonly object Key = new();

    /// <summary>Keeps <paramref name="workspaces"/> for the rest of the request.</summary>
    public static void Remember(HttpContext context, IReadOnlyList<WorkspaceMembership> workspaces)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = workspaces;
    }

    /// <summary>The workspaces kept for this request, or <see langword="null"/> when none were read.</summary>
    public static IReadOnlyList<WorkspaceMembership>? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var workspaces) ? workspaces as IReadOnlyList<WorkspaceMembership> : null;
    }
}
