namespace Extensible.Publishing.Posts;

/// <summary>A post in a list or on the calendar: enough to draw it, with each target's status.</summary>
/// <param name="Id">The post.</param>
/// <param name="State">draft, scheduled or discarded.</param>
/// <param name="Text">The shared text.</param>
/// <param name="DueAt">When it goes (went) out; <see langword="null"/> for a draft.</param>
/// <param name="TimeZone">The zone the time was chosen in.</param>
/// <param name="LocalTime">The local time as chosen.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Version">The post's stream version.</param>
/// <param name="Targets">Each target's status.</param>
/// <param name="Summary">Its state from its targets.</param>
public sealed record PostListItem(
    Guid Id, string State, string Text, DateTimeOffset? DueAt, string? TimeZone, string? LocalTime, DateTimeOffset Updated, long Version,
    IReadOnlyList<TargetStatusItem> Targets, string Summary);
