using System.Globalization;
using Extensible.Publishing.Posts;

namespace Extensible.Publishing.Scheduling;

/// <summary>
/// Turns a wall-clock time in an IANA zone into the instant the publisher acts on, asking (never guessing) about times that
/// do not exist or happen twice around a daylight-saving change.
/// </summary>
public static class ScheduleTime
{
    /// <summary>The zone of a workspace that never chose one.</summary>
    public const string DefaultZone = "UTC";

    /// <summary>The earliest year a time is taken in (far-off years only overflow the arithmetic).</summary>
    public const int MinYear = 1970;

    /// <summary>The latest year a time is taken in.</summary>
    public const int MaxYear = 2199;

    /// <summary>The zone named by an IANA id.</summary>
    /// <exception cref="PostValidationException">No such zone.</exception>
    public static TimeZoneInfo FindZone(string? id, string field = "timeZone")
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            throw new PostValidationException(field, "Name a time zone by its IANA id, such as Europe/Paris or America/New_York.");
        }

        // Windows ids are converted by the runtime; keep the zone's IANA name for what we store and show.
        try
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && (zone.HasIanaId || zone.Id == DefaultZone))
            {
                return zone;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidTimeZoneException or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // A name the system cannot even look up is no zone either.
        }

        throw new PostValidationException(field, $"'{id.Trim()}' is not a time zone we know: use an IANA id such as Europe/Paris or America/New_York.");
    }

    /// <summary>The instant <paramref name="local"/> means in <paramref name="zone"/>.</summary>
    /// <param name="local">The wall-clock time (its kind is ignored).</param>
    /// <param name="zone">The zone it was chosen in.</param>
    /// <param name="offset">Which occurrence of a time that happens twice; ignored otherwise unless it contradicts the zone.</param>
    /// <exception cref="LocalTimeQuestionException">The time does not exist, or happens twice and no offset says which.</exception>
    /// <exception cref="PostValidationException">An offset the zone never has at that time.</exception>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, TimeSpan? offset = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (local.Year is < MinYear or > MaxYear)
        {
            throw new PostValidationException("localTime", $"Pick a time between the years {MinYear} and {MaxYear}.");
        }

        local = DateTime.SpecifyKind(new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute)), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw Gap(local, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Earlier occurrence first: the larger offset (summer time) comes before the clocks go back.
            var offsets = zone.GetAmbiguousTimeOffsets(local).OrderByDescending(o => o).ToArray();
            if (offset is { } chosen && offsets.Contains(chosen))
            {
                return new DateTimeOffset(local, chosen).ToUniversalTime();
            }

            throw Overlap(local, zone, offsets, offset);
        }

        var utcOffset = zone.GetUtcOffset(local);
        if (offset is { } given && given != utcOffset)
        {
            throw new PostValidationException("offset",
                $"{Format(local)} in {zone.Id} is at {Offset(utcOffset)}, not {Offset(given)}: leave the offset out, or pick another time.");
        }

        // Stored and compared in UTC (PostgreSQL's timestamptz takes nothing else); the zone is kept beside it.
        return new DateTimeOffset(local, utcOffset).ToUniversalTime();
    }

    /// <summary>What the instant reads as in a zone, for display and for the local time stored with a schedule.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private static LocalTimeQuestionException Gap(DateTime local, TimeZoneInfo zone)
    {
        var before = zone.GetUtcOffset(local.AddDays(-1));
        var after = zone.GetUtcOffset(local.AddDays(1));
        var jump = after - before;
        if (jump <= TimeSpan.Zero)
        {
            jump = TimeSpan.FromHours(1);
        }

        var earlier = local - jump;
        var later = local + jump;
        LocalTimeChoice[] choices =
        [
            new(Clock(earlier), earlier, null, new DateTimeOffset(earlier, zone.GetUtcOffset(earlier)).ToUniversalTime()),
            new(Clock(later), later, null, new DateTimeOffset(later, zone.GetUtcOffset(later)).ToUniversalTime()),
        ];
        return new LocalTimeQuestionException(
            $"{Clock(local)} on {Day(local)} does not exist in {zone.Id} (the clocks move forward); {Clock(earlier)} or {Clock(later)}?", choices);
    }

    private static LocalTimeQuestionException Overlap(DateTime local, TimeZoneInfo zone, TimeSpan[] offsets, TimeSpan? wrong)
    {
        var choices = offsets.Select((o, i) => new LocalTimeChoice(
            $"the {(i == 0 ? "first" : "second")} ({Offset(o)}, {Kind(zone, local, o)})", local, o, new DateTimeOffset(local, o).ToUniversalTime())).ToArray();
        var prefix = wrong is { } w ? $"{Offset(w)} is neither occurrence. " : "";
        return new LocalTimeQuestionException(
            $"{prefix}{Clock(local)} on {Day(local)} happens twice in {zone.Id} (the clocks move back): {choices[0].Label} or {choices[1].Label}?", choices);
    }

    private static string Kind(TimeZoneInfo zone, DateTime local, TimeSpan offset) =>
        offset > zone.GetUtcOffset(local.AddDays(2)) || offset > zone.BaseUtcOffset ? "summer time" : "standard time";

    private static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateTime local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateTime local) => $"{Clock(local)} on {Day(local)}";

    /// <summary>An offset as people write it: <c>+02:00</c>, <c>-05:00</c>.</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
