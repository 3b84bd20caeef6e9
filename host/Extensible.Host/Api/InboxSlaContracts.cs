using Extensible.Inbox.Sla;

namespace Extensible.Host.Api;

/// <summary>One open interval of a weekday.</summary>
/// <param name="Day"><c>monday</c> … <c>sunday</c>.</param>
/// <param name="Opens">Opening time, <c>HH:mm</c>.</param>
/// <param name="Closes">Closing time, <c>HH:mm</c>, after the opening time; <c>24:00</c> for midnight at the end of the day.</param>
public sealed record BusinessIntervalBody(string? Day, string? Opens, string? Closes);

/// <summary>The workspace's business hours and response targets.</summary>
/// <param name="TimeZone">The zone the hours are in: the workspace's (set with <c>PUT /api/v1/publishing/settings</c>).</param>
/// <param name="AlwaysOpen">Open around the clock, except the closed dates (the default until hours are set).</param>
/// <param name="Intervals">The weekly open intervals, Monday first.</param>
/// <param name="ClosedDates">Dates closed whatever the weekday (<c>YYYY-MM-DD</c>).</param>
/// <param name="FirstResponseTargetMinutes">The first reply should go out within this many business minutes; null for no target.</param>
/// <param name="ResolutionTargetMinutes">A thread should be resolved within this many business minutes; null for no target.</param>
public sealed record BusinessHoursResponse(
    string TimeZone, bool AlwaysOpen, IReadOnlyList<BusinessIntervalBody> Intervals, IReadOnlyList<string> ClosedDates, int? FirstResponseTargetMinutes, int? ResolutionTargetMinutes)
{
    /// <summary>The API's view of stored hours.</summary>
    public static BusinessHoursResponse Of(BusinessHours hours, string timeZone) => new(
        timeZone, hours.AlwaysOpen,
        [.. hours.Intervals.Select(i => new BusinessIntervalBody(BusinessHoursInput.Name(i.Day), BusinessHoursInput.Clock(i.Opens), BusinessHoursInput.Clock(i.Closes)))],
        [.. hours.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
        hours.FirstResponseTargetMinutes, hours.ResolutionTargetMinutes);
}

/// <summary>Business hours to set (replacing the previous ones whole).</summary>
/// <param name="AlwaysOpen">Open around the clock (intervals are then ignored); false by default.</param>
/// <param name="Intervals">The weekly open intervals; none may overlap another of its day.</param>
/// <param name="ClosedDates">Dates closed whatever the weekday (<c>YYYY-MM-DD</c>).</param>
/// <param name="FirstResponseTargetMinutes">1 to 525600, or null for no target.</param>
/// <param name="ResolutionTargetMinutes">1 to 525600, or null for no target.</param>
public sealed record BusinessHoursRequest(
    bool? AlwaysOpen, IReadOnlyList<BusinessIntervalBody?>? Intervals, IReadOnlyList<string?>? ClosedDates, int? FirstResponseTargetMinutes, int? ResolutionTargetMinutes);

/// <summary>The team report: business times of first replies and resolutions in the period, for the team, per person and per network.</summary>
/// <param name="Days">7 or 30.</param>
/// <param name="Since">The period's start.</param>
/// <param name="Until">Its end (now).</param>
/// <param name="Empty">True when nothing was answered or resolved in the period; the lines then hold no figures.</param>
/// <param name="TimeZone">The zone of the business hours.</param>
/// <param name="FirstResponseTargetMinutes">The first-response target, or null.</param>
/// <param name="ResolutionTargetMinutes">The resolution target, or null.</param>
/// <param name="Team">Everyone together.</param>
/// <param name="People">Per person: first replies they sent, threads they resolved.</param>
/// <param name="Networks">Per network.</param>
public sealed record InboxReportResponse(
    int Days, DateTimeOffset Since, DateTimeOffset Until, bool Empty, string TimeZone, int? FirstResponseTargetMinutes, int? ResolutionTargetMinutes,
    InboxReportLine Team, IReadOnlyList<InboxReportLine> People, IReadOnlyList<InboxReportLine> Networks)
{
    /// <summary>The API's view of a report.</summary>
    public static InboxReportResponse Of(InboxTeamReport report) => new(
        report.Days, report.Since, report.Until, report.IsEmpty, report.TimeZone, report.Hours.FirstResponseTargetMinutes, report.Hours.ResolutionTargetMinutes,
        report.Team, report.People, report.Networks);
}
