using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extensible.Sdk.Connectors;

/// <summary>Counts a text's length the way a network does, so the composer and connectors agree with the network.</summary>
public static partial class TextLength
{
    /// <summary>What a link counts on networks that shorten links (Mastodon, X).</summary>
    public const int LinkLength = 23;

    /// <summary>Counts <paramref name="text"/> as <paramref name="counting"/> says.</summary>
    /// <param name="text">The text.</param>
    /// <param name="counting">How the network counts.</param>
    /// <returns>The length the network would count.</returns>
    public static int Count(string text, LengthCounting counting)
    {
        ArgumentNullException.ThrowIfNull(text);
        return counting switch
        {
            LengthCounting.Graphemes => new StringInfo(text).LengthInTextElements,
            LengthCounting.Utf16 => text.Length,
            LengthCounting.CodePointsLinksAs23 => CountWithLinks(text, static part => part.EnumerateRunes().Count()),
            LengthCounting.XWeighted => CountWithLinks(text, XWeight),
            _ => throw new ArgumentOutOfRangeException(nameof(counting), counting, "Unknown way of counting."),
        };
    }

    private static int CountWithLinks(string text, Func<string, int> countPlain)
    {
        var total = 0;
        var from = 0;
        foreach (Match link in Link().Matches(text))
        {
            total += countPlain(text[from..link.Index]) + LinkLength;
            from = link.Index + link.Length;
        }

        return total + countPlain(text[from..]);
    }

    // X's twitter-text v3: an emoji counts 2; a code point in the light ranges counts 1; anything else 2.
    private static int XWeight(string text)
    {
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (IsEmoji(element))
            {
                total += 2;
                continue;
            }

            foreach (var rune in element.EnumerateRunes())
            {
                total += IsLight(rune.Value) ? 1 : 2;
            }
        }

        return total;
    }

    private static bool IsLight(int codePoint) =>
        codePoint <= 4351 || codePoint is (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247);

    private static bool IsEmoji(string element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            if (rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) || rune.Value == 0xFE0F)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
