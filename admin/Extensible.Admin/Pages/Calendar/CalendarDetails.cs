namespace Extensible.Admin.Pages.Calendar;

/// <summary>A post's details panel: its targets, what the networks said, its history, and what a composer may do.</summary>
/// <param name="Post">The post.</param>
/// <param name="Zone">The zone times are shown in.</param>
/// <param name="History">The post's history, oldest first.</param>
/// <param name="MayCompose">Whether the viewer may act on it (Editors and up).</param>
public sealed record CalendarDetails(CalendarPost Post, TimeZoneInfo Zone, IReadOnlyList<Publishing.Posts.PostHistoryEntry> History, bool MayCompose)
{
    /// <summary>The id of the panel the details are shown in.</summary>
    public const string ElementId = "cal-details";

    /// <summary>A move waiting for an answer (a time daylight saving skips or repeats), or null.</summary>
    public CalendarMoveQuestion? Question { get; init; }
}
