using System.Text;
using System.Text.RegularExpressions;

namespace Extensible.Inbox.SavedReplies;

/// <summary>
/// A saved reply's variables: <c>{author.name}</c>, <c>{author.handle}</c>, <c>{account.name}</c>, <c>{account.handle}</c>,
/// <c>{me.name}</c> and <c>{network}</c>. Braces around anything else that looks like a name (<c>{order}</c>) are refused
/// when saving; other braces are plain text. A variable the thread has no value for stays in the filled text as written:
/// a visible blank the moderator fills in, and a reply still holding one is refused.
/// </summary>
public static partial class SavedReplyTemplate
{
    /// <summary>The variables, in the order the console lists them, with what each becomes.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Variables { get; } =
    [
        ("author.name", "the author's name on the network"),
        ("author.handle", "the author's handle"),
        ("account.name", "the name of our account the thread came to"),
        ("account.handle", "our account's handle"),
        ("me.name", "your name, as the moderator inserting it"),
        ("network", "the network's name"),
    ];

    /// <summary>The longest value a variable is filled with (longer ones are cut).</summary>
    public const int MaxValueLength = 200;

    /// <summary>Every variable the text uses that is not one of <see cref="Variables"/>, each once.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Names(text).Where(n => !IsKnown(n)).Distinct(StringComparer.Ordinal)];

    /// <summary>The known variables the text still holds (blanks not filled in), each once.</summary>
    public static IReadOnlyList<string> Blanks(string text) =>
        [.. Names(text).Where(IsKnown).Distinct(StringComparer.Ordinal)];

    /// <summary>Why the text cannot be saved because of its variables, or null.</summary>
    public static string? Check(string text) => Unknown(text) is { Count: > 0 } unknown
        ? $"{(unknown.Count == 1 ? "There is no variable" : "There are no variables")} {string.Join(", ", unknown.Select(n => "{" + n + "}"))}. "
          + $"Use {string.Join(", ", Variables.Select(v => "{" + v.Name + "}"))}."
        : null;

    /// <summary>The text with each variable replaced by its value; a variable without one is left as written and listed as missing.</summary>
    public static FilledReply Fill(string text, SavedReplyValues values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var missing = new List<string>();
        var filled = VariablePattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (!IsKnown(name))
            {
                return match.Value;
            }

            if (Clean(ValueOf(name, values)) is { Length: > 0 } value)
            {
                return value;
            }

            if (!missing.Contains(name))
            {
                missing.Add(name);
            }

            return match.Value;
        });
        return new FilledReply(filled, missing);
    }

    private static bool IsKnown(string name) => Variables.Any(v => v.Name == name);

    private static IEnumerable<string> Names(string text) => VariablePattern().Matches(text).Select(m => m.Groups[1].Value);

    private static string? ValueOf(string name, SavedReplyValues values) => name switch
    {
        "author.name" => values.AuthorName,
        "author.handle" => values.AuthorHandle,
        "account.name" => values.AccountName,
        "account.handle" => values.AccountHandle,
        "me.name" => values.MyName,
        "network" => values.Network,
        _ => null,
    };

    // A value from a stranger is one line of text: control characters (line breaks among them) become spaces.
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxValueLength));
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }

        var clean = text.ToString().Trim();
        if (clean.Length <= MaxValueLength)
        {
            return clean;
        }

        // Cut between characters, never inside a surrogate pair.
        var cut = char.IsHighSurrogate(clean[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return clean[..cut].TrimEnd();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();
}
