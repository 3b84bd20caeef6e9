namespace Extensible.Inbox.Sla;

/// <summary>
/// Counts business time: how much of a span fell inside a workspace's <see cref="BusinessHours"/>, in its zone. An interval's
/// wall-clock times are turned into instants on each date, so a day the clocks move has the hours it really had (09:00–17:00
/// is 8 hours on any day, 00:00–24:00 is 23 or 25 hours on a day of change). An opening time the clocks skip opens at the
/// change; one that happens twice opens at its first occurrence and closes at its second.
/// </summary>
public sealed class BusinessClock
{
    private readonly BusinessHours _hours;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _closed;
    private readonly ILookup<DayOfWeek, BusinessInterval> _byDay;

    /// <summary>A clock for <paramref name="hours"/> in <paramref name="zone"/>.</summary>
    public BusinessClock(BusinessHours hours, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        _hours = hours;
        _zone = zone;
        _closed = [.. hours.ClosedDates];
        _byDay = hours.AlwaysOpen
            ? Enum.GetValues<DayOfWeek>().Select(d => new BusinessInterval(d, 0, MinutesPerDay)).ToLookup(i => i.Day)
            : hours.Intervals.ToLookup(i => i.Day);
    }

    private const int MinutesPerDay = 24 * 60;

    /// <summary>The business time between <paramref name="from"/> and <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (_hours.AlwaysOpen && _closed.Count == 0)
        {
            return to - from;
        }

        // From the day before (an interval of the previous local date may reach past midnight after an offset change) to the last.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, _zone).DateTime);
        var total = TimeSpan.Zero;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (_closed.Contains(date))
            {
                continue;
            }

            foreach (var interval in _byDay[date.DayOfWeek])
            {
                var opens = Instant(date, interval.Opens, earliest: true);
                var closes = Instant(date, interval.Closes, earliest: false);
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The instant a wall-clock time of a date means here: skipped times move to the change; repeated ones take the first or the last occurrence.</summary>
    private DateTimeOffset Instant(DateOnly date, int minute, bool earliest)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        if (_zone.IsInvalidTime(local))
        {
            // The clocks jump over it: the first wall-clock minute after the gap is the moment of the change.
            do
            {
                local = local.AddMinutes(1);
            }
            while (_zone.IsInvalidTime(local));
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, earliest ? offsets.Max() : offsets.Min());
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
