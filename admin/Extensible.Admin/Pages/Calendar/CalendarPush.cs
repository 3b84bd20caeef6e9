namespace Extensible.Admin.Pages.Calendar;

/// <summary>
/// What a live push (or an action's answer) sends for one post: its chip removed from wherever it was, and put into the
/// cell of its time (month and week cells alike: a page has only one of them) or the drafts list.
/// </summary>
/// <param name="PostId">The post.</param>
/// <param name="Post">The post now, or <see langword="null"/> when it is gone (discarded or not found).</param>
/// <param name="Zone">The zone the calendar shows times in.</param>
public sealed record CalendarPush(Guid PostId, CalendarPost? Post, TimeZoneInfo Zone)
{
    /// <summary>The chip to insert, or <see langword="null"/> when the post left the calendar.</summary>
    public CalendarChip? Chip => Post is { State: not "discarded" } post ? new CalendarChip(post, Zone) : null;
}
