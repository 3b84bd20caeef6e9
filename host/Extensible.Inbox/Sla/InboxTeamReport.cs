namespace Extensible.Inbox.Sla;

/// <summary>
/// How the team answered and resolved over the last <paramref name="Days"/> days, in business time: for the whole team, per
/// person (who sent the first reply, who resolved) and per network. A measure nothing happened for is null, never zeros.
/// </summary>
/// <param name="Days">The period: 7 or 30 days up to <paramref name="Until"/>.</param>
/// <param name="Since">Its start.</param>
/// <param name="Until">Its end (when the report was read).</param>
/// <param name="Team">Everyone together.</param>
/// <param name="People">Each person who answered or resolved a thread in the period, most first responses first.</param>
/// <param name="Networks">Each network with a thread answered or resolved in the period.</param>
/// <param name="Hours">The workspace's hours now (for their targets).</param>
/// <param name="TimeZone">The zone the hours are in.</param>
public sealed record InboxTeamReport(
    int Days, DateTimeOffset Since, DateTimeOffset Until, InboxReportLine Team, IReadOnlyList<InboxReportLine> People, IReadOnlyList<InboxReportLine> Networks,
    BusinessHours Hours, string TimeZone)
{
    /// <summary>Whether nothing was answered or resolved in the period.</summary>
    public bool IsEmpty => Team.FirstResponse is null && Team.Resolution is null;
}

/// <summary>One line of the report: the team, a person (<paramref name="UserId"/>) or a network (<paramref name="Network"/>).</summary>
/// <param name="Name">What the line is called: "Team", the person's name, the network's key.</param>
/// <param name="UserId">The person, on a person's line.</param>
/// <param name="Network">The network's key, on a network's line.</param>
/// <param name="FirstResponse">First replies sent in the period; null when there were none.</param>
/// <param name="Resolution">Threads resolved in the period (and still resolved); null when there were none.</param>
public sealed record InboxReportLine(string Name, Guid? UserId, string? Network, InboxReportFigures? FirstResponse, InboxReportFigures? Resolution);

/// <summary>The figures of one measure: how many, the median and the 90th percentile in business seconds, and how many met the target.</summary>
/// <param name="Count">How many threads.</param>
/// <param name="MedianSeconds">Half took at most this long.</param>
/// <param name="P90Seconds">Nine in ten took at most this long.</param>
/// <param name="WithinTarget">How many met the target; null without a target.</param>
public sealed record InboxReportFigures(long Count, double MedianSeconds, double P90Seconds, long? WithinTarget);
