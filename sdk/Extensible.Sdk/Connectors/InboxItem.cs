namespace Extensible.Sdk.Connectors;

/// <summary>
/// A comment, mention or direct message from the public. Its text is written by strangers: the host always encodes it,
/// and so must any plugin that renders it.
/// </summary>
public sealed record InboxItem
{
    /// <summary>The network's id of the item; with the account, it identifies the item (duplicates are dropped).</summary>
    public required string PlatformItemId { get; init; }

    /// <summary>What the item is.</summary>
    public required InboxItemKind Kind { get; init; }

    /// <summary>Who wrote it.</summary>
    public required InboxAuthor Author { get; init; }

    /// <summary>Its text, as written (untrusted).</summary>
    public required string Text { get; init; }

    /// <summary>When the network says it was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The conversation it belongs to (the post commented on, the direct-message thread).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The item it answers, if any.</summary>
    public string? ParentItemId { get; init; }

    /// <summary>The network's id of the account's post it concerns, if any.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>Its public address, if it has one.</summary>
    public Uri? Url { get; init; }

    /// <summary>The language the network detected, if it says (BCP 47).</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Its tone, when the network or the connector knows it (some networks rate it; a connector may judge it); leave it
    /// <see langword="null"/> otherwise. Moderators filter by it and can correct it.
    /// </summary>
    public Sentiment? Sentiment { get; init; }
}
