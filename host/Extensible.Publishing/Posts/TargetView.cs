namespace Extensible.Publishing.Posts;

/// <summary>One target of a post as the read model has it, with its history.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PlatformKey">Its network's key.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Variant">What differs from the shared content here.</param>
/// <param name="Status">draft, scheduled, publishing, published, retrying, failed, needs_decision, dropped or deleted.</param>
/// <param name="DueAt">When the publisher acts next.</param>
/// <param name="Attempt">Attempts so far.</param>
/// <param name="Url">The post on the network, once published.</param>
/// <param name="Failure">The last failure's class.</param>
/// <param name="Message">The last failure's (or decision's) message.</param>
/// <param name="PlatformMessage">The network's own words for the last failure.</param>
/// <param name="PublishedAt">When it went out.</param>
/// <param name="History">This target's lines of the post's history, oldest first.</param>
public sealed record TargetView(
    Guid AccountId, string PlatformKey, string Handle, string DisplayName, PostContentDraft? Variant, string Status, DateTimeOffset? DueAt, int Attempt,
    string? Url, string? Failure, string? Message, string? PlatformMessage, DateTimeOffset? PublishedAt, IReadOnlyList<PostHistoryEntry> History);
