namespace Extensible.Inbox.Sla;

/// <summary>
/// When a workspace's team is at work, in the workspace's time zone: open intervals per weekday and closed dates (holidays),
/// or always open (the default until an Admin sets hours); and, optionally, the response and resolution targets.
/// Build one through <see cref="BusinessHoursInput"/>, which refuses overlapping or backward intervals.
/// </summary>
/// <param name="AlwaysOpen">Open around the clock (except <paramref name="ClosedDates"/>); <paramref name="Intervals"/> are ignored.</param>
/// <param name="Intervals">The weekly open intervals, in order of day and time, none overlapping.</param>
/// <param name="ClosedDates">Dates (in the workspace's zone) the team does not work, whatever the weekday.</param>
/// <param name="FirstResponseTargetMinutes">The first reply should go out within this much business time; null for no target.</param>
/// <param name="ResolutionTargetMinutes">A thread should be resolved within this much business time; null for no target.</param>
public sealed record BusinessHours(
    bool AlwaysOpen, IReadOnlyList<BusinessInterval> Intervals, IReadOnlyList<DateOnly> ClosedDates, int? FirstResponseTargetMinutes, int? ResolutionTargetMinutes)
{
    /// <summary>A workspace's hours until an Admin sets them: always open, no holidays, no targets.</summary>
    public static BusinessHours Default { get; } = new(true, [], [], null, null);

    /// <summary>The first-response target, or null.</summary>
    public TimeSpan? FirstResponseTarget => FirstResponseTargetMinutes is { } m ? TimeSpan.FromMinutes(m) : null;

    /// <summary>The resolution target, or null.</summary>
    public TimeSpan? ResolutionTarget => ResolutionTargetMinutes is { } m ? TimeSpan.FromMinutes(m) : null;
}

/// <summary>
/// One open interval of a weekday, in minutes after midnight: <paramref name="Opens"/> 0–1439, <paramref name="Closes"/>
/// after it, up to 1440 (midnight at the end of the day). A night shift is two intervals, split at midnight.
/// </summary>
public sealed record BusinessInterval(DayOfWeek Day, int Opens, int Closes);
