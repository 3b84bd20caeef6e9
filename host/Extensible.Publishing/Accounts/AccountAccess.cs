using Extensible.Plugins.Calls;
using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Accounts;

/// <summary>What the publisher and the composer need to act for an account: its row, its connector and its credentials.</summary>
/// <param name="Account">The account's row (health, paused…).</param>
/// <param name="Connector">The running connector that serves it, or null when its plugin is not running on this node.</param>
/// <param name="Credentials">
/// Its decrypted credentials, refreshed when they were about to expire; null when the account is disconnected or its
/// credentials failed (then <see cref="AccountRecord.Health"/> says so). Never log them.
/// </param>
public sealed record AccountAccess(AccountRecord Account, GuardedCapability<IPlatformConnector>? Connector, AccountCredentials? Credentials);
