namespace Extensible.Sdk.Connectors;

/// <summary>An inbox item from a webhook, with the network account it was sent for.</summary>
/// <param name="PlatformAccountId">The connected account the item belongs to.</param>
/// <param name="Item">The item.</param>
public sealed record WebhookItem(string PlatformAccountId, InboxItem Item);
