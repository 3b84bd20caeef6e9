using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Threads;

/// <summary>What the network behind a thread's account is and lets moderators do, from its connector's profile (never its credentials).</summary>
public sealed class InboxNetworks(AccountDirectory accounts, AccountVault vault)
{
    /// <summary>The account and its connector's profile; the profile is null while the account's plugin is not running.</summary>
    public async Task<(AccountRecord? Account, PlatformProfile? Profile)> ProfileAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken = default)
    {
        if (await accounts.FindAsync(workspaceId, accountId, cancellationToken) is not { } account)
        {
            return (null, null);
        }

        if (vault.FindConnector(account.PluginId, account.PlatformKey) is not { } connector)
        {
            return (account, null);
        }

        try
        {
            return (account, await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken));
        }
        catch (PluginCallException)
        {
            return (account, null);
        }
    }

    /// <summary>
    /// What the account's network supports (<see cref="PlatformFeatures.None"/> while its plugin is not running), so the
    /// console offers only what will work.
    /// </summary>
    public async Task<PlatformFeatures> FeaturesAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken = default) =>
        (await ProfileAsync(workspaceId, accountId, cancellationToken)).Profile?.Features ?? PlatformFeatures.None;
}
