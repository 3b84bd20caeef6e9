using System.Globalization;

namespace Extensible.Inbox.Sla;

/// <summary>
/// Business hours as people write them (the API's fields, the console's form), checked once for both: times as <c>HH:mm</c>
/// (<c>24:00</c> closes a day), days by name, dates as <c>YYYY-MM-DD</c>, intervals that end after they start and never overlap.
/// </summary>
public static class BusinessHoursInput
{
    /// <summary>The most intervals a week may have.</summary>
    public const int MaxIntervals = 70;

    /// <summary>The most closed dates kept.</summary>
    public const int MaxClosedDates = 400;

    /// <summary>The longest target, in minutes (a year).</summary>
    public const int MaxTargetMinutes = 525_600;

    /// <summary>One interval as written: the field it came from (for messages), the day's name, and the two times.</summary>
    public sealed record Interval(string Field, string? Day, string? Opens, string? Closes);

    /// <summary>Checks what was written and builds the hours from it.</summary>
    /// <exception cref="BusinessHoursValidationException">Anything unusable, each with what to do instead.</exception>
    public static BusinessHours Build(
        bool alwaysOpen, IReadOnlyList<Interval> intervals, IReadOnlyList<(string Field, string? Date)> closedDates, int? firstResponseTargetMinutes, int? resolutionTargetMinutes)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(closedDates);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }

            messages.Add(message);
        }

        var parsed = new List<(string Field, BusinessInterval Interval)>();
        if (intervals.Count > MaxIntervals)
        {
            Add("intervals", $"A week holds at most {MaxIntervals} open intervals.");
        }
        else
        {
            foreach (var written in intervals)
            {
                var day = Day(written.Day);
                var opens = Time(written.Opens, allowEndOfDay: false);
                var closes = Time(written.Closes, allowEndOfDay: true);
                if (day is null)
                {
                    Add(written.Field + ".day", $"'{Shown(written.Day)}' is not a day of the week: write monday, tuesday, … sunday.");
                }

                if (opens is null)
                {
                    Add(written.Field + ".opens", $"'{Shown(written.Opens)}' is not an opening time: write it as HH:mm, such as 09:00.");
                }

                if (closes is null)
                {
                    Add(written.Field + ".closes", $"'{Shown(written.Closes)}' is not a closing time: write it as HH:mm, such as 17:30 (24:00 for midnight at the end of the day).");
                }

                if (day is { } d && opens is { } o && closes is { } c)
                {
                    if (c <= o)
                    {
                        Add(written.Field, $"{Clock(o)}–{Clock(c)} on {Name(d)} ends before it starts: the closing time must be later. Split a night shift at midnight "
                            + "(22:00–24:00, then 00:00–06:00 the next day).");
                    }
                    else
                    {
                        parsed.Add((written.Field, new BusinessInterval(d, o, c)));
                    }
                }
            }
        }

        // Two intervals of one day overlap when one opens before the other closes (touching ones, 09:00–12:00 and 12:00–17:00, do not).
        foreach (var day in parsed.GroupBy(p => p.Interval.Day))
        {
            var ordered = day.OrderBy(p => p.Interval.Opens).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1].Interval, ordered[i].Interval);
                if (after.Opens < before.Closes)
                {
                    Add(ordered[i].Field, $"{Clock(before.Opens)}–{Clock(before.Closes)} and {Clock(after.Opens)}–{Clock(after.Closes)} on {Name(day.Key)} overlap: "
                        + "join them into one interval, or move one.");
                }
            }
        }

        if (!alwaysOpen && intervals.Count == 0)
        {
            Add("intervals", "Give at least one open interval (such as monday 09:00–17:00), or choose always open.");
        }

        var dates = new SortedSet<DateOnly>();
        if (closedDates.Count > MaxClosedDates)
        {
            Add("closedDates", $"Keep at most {MaxClosedDates} closed dates.");
        }
        else
        {
            foreach (var (field, text) in closedDates)
            {
                if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    Add(field, $"'{Shown(text)}' is not a date: write it as YYYY-MM-DD, such as 2026-12-25.");
                }
            }
        }

        foreach (var (field, target) in new[] { ("firstResponseTargetMinutes", firstResponseTargetMinutes), ("resolutionTargetMinutes", resolutionTargetMinutes) })
        {
            if (target is < 1 or > MaxTargetMinutes)
            {
                Add(field, $"A target is a number of business minutes from 1 to {MaxTargetMinutes.ToString("N0", CultureInfo.InvariantCulture)} (a year); leave it out for none.");
            }
        }

        if (errors.Count > 0)
        {
            throw new BusinessHoursValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return new BusinessHours(
            alwaysOpen, alwaysOpen ? [] : [.. parsed.Select(p => p.Interval).OrderBy(i => (((int)i.Day + 6) % 7, i.Opens))], [.. dates],
            firstResponseTargetMinutes, resolutionTargetMinutes);
    }

    /// <summary>
    /// The intervals of one day as the console's form writes them: <c>09:00-12:00, 13:00-17:00</c> (empty: closed), each
    /// becoming an <see cref="Interval"/> of <paramref name="field"/>.
    /// </summary>
    public static IEnumerable<Interval> DayLine(string field, DayOfWeek day, string? line)
    {
        foreach (var part in (line ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var times = part.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
            yield return new Interval(field, Name(day), times[0], times.Length > 1 ? times[1] : "");
        }
    }

    /// <summary>One day's intervals as the console's form shows them: <c>09:00-12:00, 13:00-17:00</c>.</summary>
    public static string DayLine(BusinessHours hours, DayOfWeek day)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return string.Join(", ", hours.Intervals.Where(i => i.Day == day).Select(i => $"{Clock(i.Opens)}-{Clock(i.Closes)}"));
    }

    /// <summary>A time of day in minutes as <c>HH:mm</c> (<c>24:00</c> for the end of the day).</summary>
    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    /// <summary>A day's name as written in the API: <c>monday</c>.</summary>
    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>The days of the week, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static DayOfWeek? Day(string? text) =>
        Week.Cast<DayOfWeek?>().FirstOrDefault(d => string.Equals(Name(d!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(Name(d!.Value)[..3], text?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static int? Time(string? text, bool allowEndOfDay)
    {
        var t = text?.Trim();
        if (allowEndOfDay && t is "24:00")
        {
            return 24 * 60;
        }

        return TimeOnly.TryParseExact(t, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.Hour * 60 + time.Minute : null;
    }

    private static string Shown(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
