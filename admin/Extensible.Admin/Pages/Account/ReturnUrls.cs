using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

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
        && !url.Any(char.IsControl)
        && !HasLoneSurrogate(url);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="url"/> when it <see cref="IsLocal"/>, else the dashboard (<c>/</c>); characters beyond ASCII
    /// percent-encoded, because a Location header holds ASCII only (Kestrel refuses to send anything else: a 500).
    /// </summary>
    public static string LocalOrHome(string? url)
    {
        if (!IsLocal(url))
        {
            return "/";
        }

        var safe = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                safe.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                safe.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }
}
