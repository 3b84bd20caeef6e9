using System.Diagnostics.CodeAnalysis;

namespace Extensible.Admin.Pages;

/// <summary>
/// The one rule for where the console may send someone back to after signing in or switching workspaces: a path on this
/// site. Anything else — another site (<c>//evil.example</c>, <c>/\evil.example</c>), a scheme, or a path with control
/// characters, which browsers drop so that <c>/&#9;/evil.example</c> becomes <c>//evil.example</c> — goes to the dashboard.
/// </summary>
public static class ReturnUrls
{
    /// <summary>Whether <paramref name="url"/> is a path on this site that is safe to redirect to.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it <see cref="IsLocal"/>, else the dashboard (<c>/</c>).</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url : "/";
}
