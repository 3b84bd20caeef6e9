using System.Globalization;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>How the calendar and the composer put statuses and times into words.</summary>
public static class CalendarText
{
    /// <summary>The chips the calendar filters on, in the order a post moves through them.</summary>
    public static IReadOnlyList<string> Chips { get; } = ["draft", "scheduled", "publishing", "published", "failed", "needs-decision", "dropped"];

    /// <summary>The chip a target's status shows as.</summary>
    public static string Chip(string status) => status switch
    {
        "retrying" => "failed",
        "needs_decision" => "needs-decision",
        "deleted" => "dropped",
        _ => status,
    };

    /// <summary>A target status in words.</summary>
    public static string Status(string status) => status switch
    {
        "draft" => "draft",
        "scheduled" => "scheduled",
        "publishing" => "publishing",
        "published" => "published",
        "retrying" => "failed, retrying",
        "failed" => "failed",
        "needs_decision" => "needs decision",
        "dropped" => "dropped",
        "deleted" => "deleted from the network",
        _ => status,
    };

    /// <summary>A chip name in words.</summary>
    public static string ChipName(string chip) => chip == "needs-decision" ? "needs decision" : chip;

    /// <summary>The post's own state in words.</summary>
    public static string PostState(CalendarPost post) => post.State switch
    {
        "scheduled" => "scheduled",
        "discarded" => "discarded",
        _ => "draft",
    };

    /// <summary>An instant as the viewer reads it: "Mon 7 Dec 14:30" in <paramref name="zone"/>.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time of day: "14:30".</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The first words of a text, for a chip.</summary>
    public static string Excerpt(string text, int length = 60)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "(no text)" : line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
