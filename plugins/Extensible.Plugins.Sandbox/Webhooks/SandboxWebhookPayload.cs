namespace Extensible.Plugins.Sandbox.Webhooks;

/// <summary>The body of a sandbox webhook delivery: new inbox items for one account.</summary>
/// <param name="Account">The sandbox account the items belong to.</param>
/// <param name="Items">The items.</param>
public sealed record SandboxWebhookPayload(string Account, IReadOnlyList<SandboxWebhookItem> Items);
