namespace Extensible.Sdk.Connectors;

/// <summary>A page of new inbox items from a poll.</summary>
/// <param name="Items">The items, oldest first.</param>
/// <param name="NextCursor">Where the next poll starts; the host stores it only after the items are stored.</param>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, string? NextCursor)
{
    /// <summary>How long the network asks to wait before the next poll, if it says.</summary>
    public TimeSpan? PollAgainAfter { get; init; }
}
