using System.Text.RegularExpressions;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>
/// Timestamp identifiers, the record keys the lexicon requires for posts and likes (<c>"key": "tid"</c>): 64 bits
/// (a zero bit, 53 bits of microseconds since 1970, a 10-bit clock id) written in 13 characters of base32-sortable.
/// </summary>
internal static partial class Tid
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    /// <summary>The TID for a moment and a clock id (only its low 10 bits count).</summary>
    public static string Create(DateTimeOffset at, long microsecondOffset, int clockId)
    {
        var micros = (at.ToUnixTimeMilliseconds() * 1000) + (at.Ticks % TimeSpan.TicksPerMillisecond / 10) + microsecondOffset;
        var value = ((micros & ((1L << 53) - 1)) << 10) | (long)(clockId & 0x3FF);
        Span<char> chars = stackalloc char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="text"/> is a TID.</summary>
    public static bool IsValid(string text) => Shape().IsMatch(text);

    [GeneratedRegex("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
