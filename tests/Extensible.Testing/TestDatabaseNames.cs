using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Extensible.Testing;

/// <summary>Names for test databases: the caller's prefix made safe, plus a random suffix.</summary>
internal static partial class TestDatabaseNames
{
    private const int MaxIdentifierLength = 63;
    private const int SuffixLength = 11;

    public static string New(string prefix)
    {
        var clean = NotIdentifierCharacters().Replace(prefix.ToLowerInvariant(), "_").Trim('_');
        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
        {
            clean = "t" + clean;
        }

        clean = clean[..Math.Min(clean.Length, MaxIdentifierLength - SuffixLength)].TrimEnd('_');
        return $"{clean}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}";
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotIdentifierCharacters();
}
