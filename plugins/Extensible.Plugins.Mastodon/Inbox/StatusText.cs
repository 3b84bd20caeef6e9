using System.Net;
using System.Text;

namespace Extensible.Plugins.Mastodon.Inbox;

/// <summary>
/// A status's HTML content (<c>&lt;p&gt;</c>, <c>&lt;br&gt;</c>, mention and hashtag links) made plain text: tags removed
/// (with whatever a script or style element holds), line breaks kept, entities decoded once. What comes out is text the
/// host encodes like any stranger's text: <c>&amp;lt;b&amp;gt;</c> in a status becomes the characters <c>&lt;b&gt;</c>, never markup.
/// </summary>
public static class StatusText
{
    private const int MaxInput = 200_000;

    /// <summary>The plain text of <paramref name="html"/>.</summary>
    /// <param name="html">A status's <c>content</c> (untrusted).</param>
    public static string Plain(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var source = html.Length > MaxInput ? html[..MaxInput] : html;
        var text = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] != '<')
            {
                var next = source.IndexOf('<', i);
                text.Append(source, i, (next < 0 ? source.Length : next) - i);
                i = next < 0 ? source.Length : next;
                continue;
            }

            var end = source.IndexOf('>', i + 1);
            if (end < 0)
            {
                // An unclosed '<' is text, not a tag.
                text.Append(source, i, source.Length - i);
                break;
            }

            var name = TagName(source.AsSpan(i + 1, end - i - 1), out var closing);
            if (!closing && name is "script" or "style")
            {
                var close = source.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : source.IndexOf('>', close);
                i = closeEnd < 0 ? source.Length : closeEnd + 1;
                continue;
            }

            if (name == "br")
            {
                text.Append('\n');
            }
            else if (name == "p" && closing)
            {
                text.Append("\n\n");
            }

            i = end + 1;
        }

        return Tidy(WebUtility.HtmlDecode(text.ToString()));
    }

    private static string TagName(ReadOnlySpan<char> inside, out bool closing)
    {
        inside = inside.TrimStart();
        closing = inside.StartsWith("/");
        if (closing)
        {
            inside = inside[1..].TrimStart();
        }

        var length = 0;
        while (length < inside.Length && char.IsAsciiLetterOrDigit(inside[length]))
        {
            length++;
        }

        return inside[..length].ToString().ToLowerInvariant();
    }

    // Paragraph breaks at most one blank line; no trailing blank lines; control characters other than line breaks and tabs dropped.
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => new string([.. line.Where(c => !char.IsControl(c) || c == '\t')]).TrimEnd());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim('\n', ' ');
    }
}
