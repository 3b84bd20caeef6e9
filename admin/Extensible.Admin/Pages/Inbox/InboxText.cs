using System.Buffers;
using System.Globalization;
using Extensible.Inbox.Threads;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// How the Inbox room shows what strangers wrote and when: text without the characters that reorder a line, links only to
/// web pages, times and durations in words. Razor encodes the result; this only removes what encoding leaves dangerous.
/// </summary>
public static class InboxText
{
    /// <summary>The longest preview a list row shows.</summary>
    public const int PreviewLength = 160;

    /// <summary>
    /// <paramref name="text"/> without bidirectional embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069): a stranger's text must not turn the rest of the line around.
    /// </summary>
    public static string Shown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.AsSpan().IndexOfAny(BidiControls) < 0 ? text : string.Concat(text.Where(c => !BidiControls.Contains(c)));
    }

    /// <summary><see cref="Shown"/>, cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Excerpt(string? text, int max = PreviewLength)
    {
        var shown = Shown(text).ReplaceLineEndings(" ");
        return shown.Length <= max ? shown : string.Concat(shown.AsSpan(0, max).TrimEnd(), "…");
    }

    /// <summary>An address a link may point to (http or https only; <c>javascript:</c> and the rest are not links), or null.</summary>
    public static Uri? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http" ? link : null;

    /// <summary>The first letter of a name, for the badge that stands in for an avatar (no image from a stranger is loaded).</summary>
    public static string Initial(string? name)
    {
        var shown = Shown(name).TrimStart('@').Trim();
        return shown.Length == 0 ? "?" : char.ToUpperInvariant(shown[0]).ToString();
    }

    /// <summary>A moment as the room shows it (UTC, to the minute).</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A moment for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A span of time in words: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary>A status in words.</summary>
    public static string Status(string status) => status switch
    {
        "new" => "New",
        "open" => "Open",
        "pending" => "Pending",
        "resolved" => "Resolved",
        "spam" => "Spam",
        "hidden" => "Hidden",
        _ => status,
    };

    /// <summary>A sentiment in words: "Negative", "Neutral", "Positive", or "Unknown" for none.</summary>
    public static string Sentiment(string? sentiment) => sentiment switch
    {
        InboxSentiment.Negative => "Negative",
        InboxSentiment.Neutral => "Neutral",
        InboxSentiment.Positive => "Positive",
        _ => "Unknown",
    };

    /// <summary>A symbol beside the sentiment's word, so that colour is not the only cue.</summary>
    public static string SentimentSymbol(string? sentiment) => sentiment switch
    {
        InboxSentiment.Negative => "−",
        InboxSentiment.Positive => "+",
        _ => "•",
    };

    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
