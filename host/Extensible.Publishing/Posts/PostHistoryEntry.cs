namespace Extensible.Publishing.Posts;

/// <summary>One line of a post's history, from one event of its stream.</summary>
/// <param name="At">When it was stored.</param>
/// <param name="Version">Its place in the post's stream.</param>
/// <param name="AccountId">The target it is about; <see langword="null"/> for the whole post.</param>
/// <param name="Kind">The event's alias (<c>post_scheduled</c>, <c>target_failed</c>).</param>
/// <param name="What">What happened, in words.</param>
/// <param name="By">Who did it (an email), or <see langword="null"/> for the publisher.</param>
public sealed record PostHistoryEntry(DateTimeOffset At, long Version, Guid? AccountId, string Kind, string What, string? By);
