namespace Extensible.Admin.Pages.Calendar;

/// <summary>One post on the calendar, as the page renders it in its cell and as a live push moves it.</summary>
/// <param name="Post">The post.</param>
/// <param name="Zone">The zone the calendar shows times in.</param>
public sealed record CalendarChip(CalendarPost Post, TimeZoneInfo Zone)
{
    /// <summary>Whether it may be dragged to another time: scheduled, and nothing sent yet.</summary>
    public bool Movable => Post.State == "scheduled" && Post.IsUnsent;

    /// <summary>The distinct chips of its targets, space-separated, for the page's filters.</summary>
    public string ChipList => string.Join(' ', Post.Targets.Select(t => CalendarText.Chip(t.Status)).Distinct());
}
