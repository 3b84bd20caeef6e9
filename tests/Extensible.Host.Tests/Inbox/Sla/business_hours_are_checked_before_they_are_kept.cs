using Extensible.Inbox.Sla;

namespace Extensible.Host.Tests.Inbox.Sla;

/// <summary>What people write as business hours (API and console alike) is refused with a sentence per field when it cannot be used.</summary>
public sealed class business_hours_are_checked_before_they_are_kept
{
    private static BusinessHoursValidationException Refused(
        IReadOnlyList<BusinessHoursInput.Interval> intervals, bool alwaysOpen = false, string[]? closed = null, int? first = null, int? resolution = null) =>
        Assert.Throws<BusinessHoursValidationException>(() => BusinessHoursInput.Build(
            alwaysOpen, intervals, [.. (closed ?? []).Select((c, i) => ($"closedDates[{i}]", (string?)c))], first, resolution));

    [Fact]
    public void overlapping_intervals_of_a_day_are_refused_touching_ones_are_not()
    {
        var e = Refused([new("intervals[0]", "monday", "09:00", "13:00"), new("intervals[1]", "Monday", "12:00", "17:00")]);

        Assert.Equal(["intervals[1]"], e.Errors.Keys);
        Assert.Contains("09:00–13:00 and 12:00–17:00 on monday overlap", e.Errors["intervals[1]"][0], StringComparison.Ordinal);
        var hours = BusinessHoursInput.Build(false, [new("a", "mon", "12:00", "17:00"), new("b", "monday", "09:00", "12:00"), new("c", "tuesday", "09:00", "24:00")], [], 60, null);
        Assert.Equal([new BusinessInterval(DayOfWeek.Monday, 540, 720), new BusinessInterval(DayOfWeek.Monday, 720, 1020), new BusinessInterval(DayOfWeek.Tuesday, 540, 1440)], hours.Intervals);
    }

    [Fact]
    public void an_interval_that_ends_before_it_starts_is_refused_with_how_to_write_a_night_shift()
    {
        var e = Refused([new("intervals[0]", "friday", "22:00", "06:00")]);

        Assert.Contains("ends before it starts", e.Errors["intervals[0]"][0], StringComparison.Ordinal);
        Assert.Contains("22:00–24:00, then 00:00–06:00", e.Errors["intervals[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void bad_times_days_dates_and_targets_each_say_what_to_write()
    {
        var e = Refused([new("intervals[0]", "someday", "9am", "25:00")], closed: ["2026-13-01"], first: 0, resolution: 600_000);

        Assert.Equal(
            ["closedDates[0]", "firstResponseTargetMinutes", "intervals[0].closes", "intervals[0].day", "intervals[0].opens", "resolutionTargetMinutes"],
            e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("HH:mm", e.Errors["intervals[0].opens"][0], StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", e.Errors["closedDates[0]"][0], StringComparison.Ordinal);
        Assert.Contains("monday", e.Errors["intervals[0].day"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void no_open_interval_at_all_is_refused_unless_always_open()
    {
        Assert.Equal(["intervals"], Refused([]).Errors.Keys);
        var always = BusinessHoursInput.Build(true, [new("x", "monday", "09:00", "17:00")], [("closedDates[0]", "2026-12-25")], null, null);
        Assert.True(always.AlwaysOpen);
        Assert.Empty(always.Intervals);
        Assert.Equal([new DateOnly(2026, 12, 25)], always.ClosedDates);
    }
}
