namespace Extensible.Sdk.Connectors;

/// <summary>An inbox item the host asks a connector to act on (reply, hide, delete).</summary>
/// <param name="PlatformItemId">The network's id of the item.</param>
/// <param name="Kind">What the item is.</param>
/// <param name="ConversationId">Its conversation, as the connector reported it.</param>
public sealed record InboxItemReference(string PlatformItemId, InboxItemKind Kind, string? ConversationId);
