namespace Extensible.Admin.Shell;

/// <summary>One room of the console: a place in the navigation, the policy that opens it and what it is for.</summary>
/// <param name="Slug">Stable short name: the live view the room's pages join, and a CSS hook.</param>
/// <param name="Name">What the navigation calls it.</param>
/// <param name="Path">Where it lives, app-relative (<c>/inbox</c>).</param>
/// <param name="Policy">The <see cref="People.Policies"/> name a person must satisfy to see and enter it.</param>
/// <param name="Section">The navigation group it is listed under.</param>
/// <param name="Shortcut">Its keyboard shortcut (<c>g i</c>), or <see langword="null"/>.</param>
/// <param name="Summary">One sentence on what the room is for.</param>
/// <param name="Plans">What the room will do, shown while it is not built yet; empty once it is.</param>
public sealed record ConsoleRoom(
    string Slug,
    string Name,
    string Path,
    string Policy,
    ConsoleSection Section,
    string? Shortcut,
    string Summary,
    IReadOnlyList<string> Plans)
{
    /// <summary>Whether the room's real pages exist yet.</summary>
    public bool IsBuilt => Plans.Count == 0;

    /// <summary>Whether a request for <paramref name="requestPath"/> is in this room (its path, or a page below it).</summary>
    public bool Contains(Microsoft.AspNetCore.Http.PathString requestPath) =>
        Path == "/"
            ? !requestPath.HasValue || requestPath == "/"
            : requestPath.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
}
