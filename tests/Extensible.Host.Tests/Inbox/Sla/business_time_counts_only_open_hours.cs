using Extensible.Inbox.Sla;

namespace Extensible.Host.Tests.Inbox.Sla;

/// <summary>
/// The business clock, pure: weekends, closed dates, a night shift split at midnight, and the days the clocks move in two
/// zones (Europe/Berlin: 2026-03-29 and 2026-10-25; America/New_York: 2026-03-08 and 2026-11-01).
/// </summary>
public sealed class business_time_counts_only_open_hours
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static BusinessHours Hours(string week, params string[] closed) => BusinessHoursInput.Build(
        false,
        [.. week.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(d =>
        {
            var (day, line) = (d.Split('=')[0], d.Split('=')[1]);
            return BusinessHoursInput.DayLine(day, Enum.Parse<DayOfWeek>(day, ignoreCase: true), line);
        })],
        [.. closed.Select(c => ("closedDates", (string?)c))], null, null);

    private static BusinessHours OfficeWeek(params string[] closed) =>
        Hours("monday=09:00-17:00 tuesday=09:00-17:00 wednesday=09:00-17:00 thursday=09:00-17:00 friday=09:00-17:00", closed);

    private static DateTimeOffset At(int month, int day, int hour, int minute, double offset, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offset));

    [Fact]
    public void a_comment_on_friday_evening_answered_on_monday_morning_waited_half_an_hour()
    {
        var clock = new BusinessClock(OfficeWeek(), Berlin);

        Assert.Equal(TimeSpan.FromMinutes(30), clock.Between(At(12, 4, 18, 0, 1), At(12, 7, 9, 30, 1)));
    }

    [Fact]
    public void inside_one_day_business_time_is_the_time_that_passed()
    {
        var clock = new BusinessClock(OfficeWeek(), Berlin);

        Assert.Equal(TimeSpan.FromMinutes(75), clock.Between(At(12, 7, 10, 0, 1), At(12, 7, 11, 15, 1)));
        Assert.Equal(TimeSpan.FromHours(40), clock.Between(At(12, 7, 9, 0, 1), At(12, 14, 9, 0, 1)));
        Assert.Equal(TimeSpan.Zero, clock.Between(At(12, 7, 11, 0, 1), At(12, 7, 10, 0, 1)));
    }

    [Fact]
    public void a_closed_date_counts_nothing()
    {
        // Christmas 2026 is a Friday: Thursday 16:00 to Monday 10:00 is Thursday's last hour and Monday's first.
        var clock = new BusinessClock(OfficeWeek("2026-12-25"), Berlin);

        Assert.Equal(TimeSpan.FromHours(2), clock.Between(At(12, 24, 16, 0, 1), At(12, 28, 10, 0, 1)));
        Assert.Equal(TimeSpan.FromHours(10), new BusinessClock(OfficeWeek(), Berlin).Between(At(12, 24, 16, 0, 1), At(12, 28, 10, 0, 1)));
    }

    [Fact]
    public void a_closed_date_closes_an_always_open_workspace_for_that_local_day()
    {
        var clock = new BusinessClock(BusinessHours.Default with { ClosedDates = [new DateOnly(2026, 12, 25)] }, Berlin);

        Assert.Equal(TimeSpan.FromHours(2), clock.Between(At(12, 24, 23, 0, 1), At(12, 26, 1, 0, 1)));
        Assert.Equal(TimeSpan.FromHours(30), new BusinessClock(BusinessHours.Default, Berlin).Between(At(12, 24, 23, 0, 1), At(12, 26, 5, 0, 1)));
    }

    [Fact]
    public void a_night_shift_split_at_midnight_counts_as_one()
    {
        var clock = new BusinessClock(Hours("monday=22:00-24:00 tuesday=00:00-06:00"), Berlin);

        Assert.Equal(TimeSpan.FromHours(2), clock.Between(At(12, 7, 23, 0, 1), At(12, 8, 1, 0, 1)));
        Assert.Equal(TimeSpan.FromHours(8), clock.Between(At(12, 7, 12, 0, 1), At(12, 8, 12, 0, 1)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 3, 29, 23)]
    [InlineData("Europe/Berlin", 10, 25, 25)]
    [InlineData("America/New_York", 3, 8, 23)]
    [InlineData("America/New_York", 11, 1, 25)]
    public void a_whole_day_open_has_the_hours_the_clocks_gave_it(string zoneId, int month, int day, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var clock = new BusinessClock(Hours("sunday=00:00-24:00"), zone);
        var saturday = new DateTime(2026, month, day, 12, 0, 0).AddDays(-1);
        var saturdayNoon = new DateTimeOffset(saturday, zone.GetUtcOffset(saturday));

        Assert.Equal(TimeSpan.FromHours(hours), clock.Between(saturdayNoon, saturdayNoon.AddDays(2)));
    }

    [Fact]
    public void friday_evening_to_monday_morning_is_half_an_hour_across_the_change_in_both_zones()
    {
        // Berlin moves forward on 2026-03-29 (CET +1 to CEST +2), New York on 2026-03-08 (EST -5 to EDT -4).
        Assert.Equal(TimeSpan.FromMinutes(30), new BusinessClock(OfficeWeek(), Berlin).Between(At(3, 27, 18, 0, 1), At(3, 30, 9, 30, 2)));
        Assert.Equal(TimeSpan.FromMinutes(30), new BusinessClock(OfficeWeek(), NewYork).Between(At(3, 6, 18, 0, -5), At(3, 9, 9, 30, -4)));
        // And back: Berlin on 2026-10-25 (+2 to +1), New York on 2026-11-01 (-4 to -5).
        Assert.Equal(TimeSpan.FromMinutes(30), new BusinessClock(OfficeWeek(), Berlin).Between(At(10, 23, 18, 0, 2), At(10, 26, 9, 30, 1)));
        Assert.Equal(TimeSpan.FromMinutes(30), new BusinessClock(OfficeWeek(), NewYork).Between(At(10, 30, 18, 0, -4), At(11, 2, 9, 30, -5)));
    }

    [Fact]
    public void hours_around_the_change_count_real_time()
    {
        // 01:00-04:00 on the day Berlin skips 02:00-03:00 is two real hours; on the day it repeats them, four.
        Assert.Equal(TimeSpan.FromHours(2), new BusinessClock(Hours("sunday=01:00-04:00"), Berlin).Between(At(3, 28, 0, 0, 1), At(3, 30, 0, 0, 2)));
        Assert.Equal(TimeSpan.FromHours(4), new BusinessClock(Hours("sunday=01:00-04:00"), Berlin).Between(At(10, 24, 0, 0, 2), At(10, 26, 0, 0, 1)));
        // An opening time New York skips (02:30 on 2026-03-08) opens at the change (03:00 EDT): two hours to 05:00.
        Assert.Equal(TimeSpan.FromHours(2), new BusinessClock(Hours("sunday=02:30-05:00"), NewYork).Between(At(3, 7, 0, 0, -5), At(3, 9, 0, 0, -4)));
        // 01:00-01:30 happens twice in New York on 2026-11-01: open from the first 01:00 to the second 01:30.
        Assert.Equal(TimeSpan.FromMinutes(90), new BusinessClock(Hours("sunday=01:00-01:30"), NewYork).Between(At(10, 31, 0, 0, -4), At(11, 2, 0, 0, -5)));
    }

    [Fact]
    public void the_same_span_counts_in_the_workspaces_zone()
    {
        // Monday 08:00 to 10:00 UTC: one business hour in UTC (09:00-10:00), none in New York (03:00-05:00 there), two in Berlin (09:00-11:00 there).
        var from = At(12, 7, 8, 0, 0);
        var to = At(12, 7, 10, 0, 0);

        Assert.Equal(TimeSpan.FromHours(1), new BusinessClock(OfficeWeek(), TimeZoneInfo.Utc).Between(from, to));
        Assert.Equal(TimeSpan.Zero, new BusinessClock(OfficeWeek(), NewYork).Between(from, to));
        Assert.Equal(TimeSpan.FromHours(2), new BusinessClock(OfficeWeek(), Berlin).Between(from, to));
    }
}
