namespace Extensible.Publishing.Scheduling;

/// <summary>
/// When a person wants a post to go out, as they said it: a wall-clock time in a zone. The zone defaults to the workspace's;
/// <see cref="Offset"/> picks one of the two occurrences of a time that happens twice (the fall-back hour).
/// </summary>
/// <param name="Local">The local date and time (its kind is ignored).</param>
/// <param name="TimeZone">An IANA zone id (<c>Europe/Paris</c>); <see langword="null"/> for the workspace's zone.</param>
/// <param name="Offset">The UTC offset meant, only needed when the local time happens twice.</param>
public sealed record LocalDueTime(DateTime Local, string? TimeZone = null, TimeSpan? Offset = null)
{
    /// <summary>The local time as stored with a schedule and shown back: <c>2027-03-28T09:00</c>.</summary>
    public string LocalText => Local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
