using System.Globalization;
using Extensible.Publishing.Scheduling;

namespace Extensible.Admin.Pages.Calendar;

/// <summary>
/// The days a calendar page shows in the viewer's zone: a month (whole weeks, Monday first) or one week, and the instants
/// they span. Cells have ids built here alone, so a live push finds the cell a post moved to.
/// </summary>
public sealed record CalendarView(string Mode, DateOnly Date, TimeZoneInfo Zone)
{
    /// <summary>The month view.</summary>
    public const string Month = "month";

    /// <summary>The week view.</summary>
    public const string Week = "week";

    /// <summary>The first day shown (a Monday).</summary>
    public DateOnly First => Mode == Week ? MondayOf(Date) : MondayOf(new DateOnly(Date.Year, Date.Month, 1));

    /// <summary>The day after the last day shown.</summary>
    public DateOnly End
    {
        get
        {
            if (Mode == Week)
            {
                return First.AddDays(7);
            }

            var next = new DateOnly(Date.Year, Date.Month, 1).AddMonths(1);
            var end = MondayOf(next);
            return end == next ? end : end.AddDays(7);
        }
    }

    /// <summary>The days shown, in order.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = First; day < End; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>The first instant shown.</summary>
    public DateTimeOffset From => StartOf(First);

    /// <summary>The instant after the last one shown.</summary>
    public DateTimeOffset To => StartOf(End);

    /// <summary>The period's title: "December 2026" or "Week of 7 Dec 2026".</summary>
    public string Title => Mode == Week
        ? "Week of " + First.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The same view one period earlier.</summary>
    public DateOnly Previous => Mode == Week ? Date.AddDays(-7) : new DateOnly(Date.Year, Date.Month, 1).AddMonths(-1);

    /// <summary>The same view one period later.</summary>
    public DateOnly Next => Mode == Week ? Date.AddDays(7) : new DateOnly(Date.Year, Date.Month, 1).AddMonths(1);

    /// <summary>Whether <paramref name="day"/> is outside the month shown (the grid's leading and trailing days).</summary>
    public bool IsOutside(DateOnly day) => Mode == Month && day.Month != Date.Month;

    /// <summary>The day and hour an instant falls on in the view's zone.</summary>
    public (DateOnly Day, int Hour) Slot(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return (DateOnly.FromDateTime(local.DateTime), local.Hour);
    }

    /// <summary>The id of a day's cell (month view): <c>cal-d-2026-12-07</c>.</summary>
    public static string DayCell(DateOnly day) => "cal-d-" + Iso(day);

    /// <summary>The id of an hour's cell (week view): <c>cal-h-2026-12-07-14</c>.</summary>
    public static string HourCell(DateOnly day, int hour) => $"cal-h-{Iso(day)}-{hour.ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>The id of the hidden holder pushed chips arrive in, before the page's script files them into their cells.</summary>
    public const string Arrivals = "cal-arrivals";

    /// <summary>The first instant of a day in the view's zone, in Unix seconds (cells carry their span for the page's script).</summary>
    public long StartSeconds(DateOnly day) => StartOf(day).ToUnixTimeSeconds();

    /// <summary>The first instant of an hour of a day in the view's zone, in Unix seconds.</summary>
    public long HourSeconds(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUnixTimeSeconds();
    }

    /// <summary>The id of the list of unscheduled drafts.</summary>
    public const string DraftsList = "cal-drafts";

    /// <summary>The id of a post's chip.</summary>
    public static string PostChip(Guid postId) => $"cal-post-{postId:N}";

    /// <summary>A day as the query string and the cells spell it: 2026-12-07.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the query string's view and date; anything else falls back to this month in <paramref name="zone"/>, and so
    /// does a date outside the years a post can be scheduled in (at the calendar's own ends, year 1 or 9999, the grid and
    /// its paging would step outside the dates there are).
    /// </summary>
    public static CalendarView Parse(string? view, string? date, TimeZoneInfo zone, DateTimeOffset now)
    {
        var mode = view == Week ? Week : Month;
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && Schedulable(parsed)
            ? parsed
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new CalendarView(mode, day, zone);
    }

    /// <summary>Whether a day is in the years a post can be scheduled in (<see cref="ScheduleTime"/>).</summary>
    public static bool Schedulable(DateOnly day) => day.Year is >= ScheduleTime.MinYear and <= ScheduleTime.MaxYear;

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Midnight may not exist (a few zones spring forward at 00:00): the day then starts an hour later.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
