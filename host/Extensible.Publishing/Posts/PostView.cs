namespace Extensible.Publishing.Posts;

/// <summary>A post with its targets, their statuses and its history.</summary>
/// <param name="Id">The post.</param>
/// <param name="State">draft, scheduled or discarded.</param>
/// <param name="Content">The shared content.</param>
/// <param name="DueAt">When it goes (went) out.</param>
/// <param name="TimeZone">The zone the time was chosen in.</param>
/// <param name="LocalTime">The local time as chosen (<c>2027-03-28T09:00</c>).</param>
/// <param name="CreatedBy">Who drafted it.</param>
/// <param name="Created">When.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Version">The post's stream version: send it back to edit, so a concurrent change is noticed.</param>
/// <param name="Targets">Its targets.</param>
/// <param name="Summary">Its state from its targets: <c>2 of 3 published, 1 failed: …</c>.</param>
/// <param name="History">Every line of its history, oldest first.</param>
public sealed record PostView(
    Guid Id, string State, PostContentDraft Content, DateTimeOffset? DueAt, string? TimeZone, string? LocalTime, Guid CreatedBy, DateTimeOffset Created,
    DateTimeOffset Updated, long Version, IReadOnlyList<TargetView> Targets, string Summary, IReadOnlyList<PostHistoryEntry> History);
