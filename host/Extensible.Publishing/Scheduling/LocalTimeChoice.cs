namespace Extensible.Publishing.Scheduling;

/// <summary>One answer to a question about a local time: a time that exists, or one occurrence of a time that happens twice.</summary>
/// <param name="Label">How the choice reads (<c>03:30</c>, <c>the second (+01:00, standard time)</c>).</param>
/// <param name="Local">The local time of the choice.</param>
/// <param name="Offset">The offset to send back to pick it; <see langword="null"/> when the local time alone is clear.</param>
/// <param name="Instant">The instant it means.</param>
public sealed record LocalTimeChoice(string Label, DateTime Local, TimeSpan? Offset, DateTimeOffset Instant);
