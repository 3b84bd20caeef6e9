using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>
/// Finds links, mentions and hashtags in a post's text the way Bluesky's own apps do, with their ranges in bytes of the
/// UTF-8 text (the lexicon's <c>byteSlice</c>): .NET strings index UTF-16 code units, so every index is converted.
/// </summary>
internal static partial class RichText
{
    /// <summary>The longest hashtag, in graphemes (the lexicon's <c>maxGraphemes</c> of a tag).</summary>
    public const int MaxTagGraphemes = 64;

    /// <summary>The facets of <paramref name="text"/>, in text order, never overlapping.</summary>
    public static IReadOnlyList<DetectedFacet> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Start, int End, FacetKind Kind, string Value)>();
        foreach (Match match in Link().Matches(text))
        {
            var url = TrimLinkEnd(match.Groups["url"].Value);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal))
            {
                found.Add((match.Groups["url"].Index, match.Groups["url"].Index + url.Length, FacetKind.Link, url));
            }
        }

        foreach (Match match in Mention().Matches(text))
        {
            var handle = match.Groups["handle"].Value.TrimEnd('.', '-');
            if (IsHandle(handle))
            {
                var start = match.Groups["at"].Index;
                found.Add((start, match.Groups["handle"].Index + handle.Length, FacetKind.Mention, handle.ToLowerInvariant()));
            }
        }

        foreach (Match match in Tag().Matches(text))
        {
            var tag = TrimTagEnd(match.Groups["tag"].Value);
            if (tag.Length > 0 && !tag.All(char.IsAsciiDigit) && new StringInfo(tag).LengthInTextElements <= MaxTagGraphemes)
            {
                var start = match.Groups["hash"].Index;
                found.Add((start, match.Groups["tag"].Index + tag.Length, FacetKind.Tag, tag));
            }
        }

        var facets = new List<DetectedFacet>();
        var end = -1;
        foreach (var (start, stop, kind, value) in found.OrderBy(f => f.Start).ThenBy(f => f.Kind))
        {
            if (start < end)
            {
                continue;
            }

            facets.Add(new DetectedFacet(kind, Utf8Offset(text, start), Utf8Offset(text, stop), value));
            end = stop;
        }

        return facets;
    }

    /// <summary>The UTF-8 byte offset of UTF-16 index <paramref name="index"/>.</summary>
    public static int Utf8Offset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static bool IsHandle(string handle) =>
        handle.Length <= 253 && handle.Contains('.', StringComparison.Ordinal) && HandleShape().IsMatch(handle);

    // A sentence's full stop, comma or closing bracket after a link is not part of it, unless the link opened the bracket.
    private static string TrimLinkEnd(string url)
    {
        var trimmed = url.TrimEnd('.', ',', ';', ':', '!', '?', '"', '\'');
        if (trimmed.EndsWith(')') && !trimmed.Contains('(', StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed;
    }

    private static string TrimTagEnd(string tag) => TagEnd().Replace(tag, "");

    [GeneratedRegex(@"(?:^|[\s(])(?<url>https?://[^\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:^|[\s(])(?<at>@)(?<handle>[a-zA-Z0-9.-]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleShape();

    // After the start or a space, # or the full-width ＃, then anything up to a space or an invisible joiner; not a keycap.
    [GeneratedRegex(@"(?:^|\s)(?<hash>[#\uFF03])(?!\uFE0F|\u20E3)(?<tag>[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20E2]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\p{P}+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagEnd();
}
