using System.Globalization;
using System.Text;

namespace Extensible.Admin.Mail;

/// <summary>Makes text that people wrote safe to put in a mail header or a line of a plain-text body.</summary>
public static class MailText
{
    /// <summary>
    /// The text on one line: line breaks, control and format characters (CR, LF, NUL, bidirectional overrides, the
    /// Unicode line and paragraph separators) become spaces, runs of spaces one space, and it is at most
    /// <paramref name="max"/> characters. This is what makes header injection impossible.
    /// </summary>
    public static string OneLine(string? text, int max = 200)
    {
        var line = new StringBuilder(Math.Min(text?.Length ?? 0, max));
        var space = false;
        foreach (var c in (text ?? "").Trim())
        {
            var unsafeChar = char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (unsafeChar || char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
            if (line.Length >= max)
            {
                break;
            }
        }

        return line.ToString();
    }
}
