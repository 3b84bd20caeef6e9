using System.Text.RegularExpressions;

namespace Extensible.Plugins.Mastodon.Instances;

/// <summary>
/// Counts a status as Mastodon does: code points, every link as the instance's <c>characters_reserved_per_url</c>, and a
/// mention of a remote account (<c>@name@domain</c>) as its local part (<c>@name</c>) only.
/// </summary>
public static partial class StatusLength
{
    /// <summary>How long <paramref name="text"/> counts on an instance whose links count <paramref name="charactersPerUrl"/>.</summary>
    /// <param name="text">The status's text (with its content warning, which counts too).</param>
    /// <param name="charactersPerUrl">What one link counts.</param>
    public static int Count(string text, int charactersPerUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var links = Link().Count(text);
        var withoutLinks = Link().Replace(text, "");
        var shortened = RemoteMention().Replace(withoutLinks, "$1");
        return shortened.EnumerateRunes().Count() + (links * charactersPerUrl);
    }

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w/])(@\w+(?:[.\-]+\w+)*)@[\w.\-]+\w", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteMention();
}
