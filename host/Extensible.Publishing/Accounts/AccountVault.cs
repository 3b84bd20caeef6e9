using System.Security.Cryptography;
using Extensible.EventStore;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Loading;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// The publisher's and the composer's way to reach an account: its row, the running connector that serves it and its
/// decrypted credentials, refreshed through the connector when they are about to expire. Refreshes of one account are
/// serialized across nodes (a PostgreSQL advisory lock), so two nodes never spend one refresh token twice.
/// </summary>
public sealed class AccountVault(
    AccountDirectory directory, CredentialsProtector protector, EventStore.EventStore store, NpgsqlDataSource db, IServiceProvider services,
    TimeProvider clock, IOptions<AccountsOptions> options, ILogger<AccountVault> logger) : IRenewedCredentialsKeeper
{
    /// <summary>The user recorded on events the host appends by itself (refreshes, failures).</summary>
    public const string SystemUser = "system:accounts";

    private const int MaxReasonLength = 500;

    /// <summary>
    /// Opens an account of a workspace, or null when the workspace has no such account. Credentials are given only for a
    /// connected account; they are refreshed first when they expire within <see cref="AccountsOptions.RefreshMargin"/>.
    /// Credentials that cannot be decrypted or that the network refuses to refresh mark the account "needs reconnect"
    /// (the result then has no credentials).
    /// </summary>
    /// <exception cref="PlatformException">A refresh failed for a passing reason and the old credentials have expired.</exception>
    /// <exception cref="PluginCallException">The connector failed while refreshing credentials that have expired.</exception>
    public async Task<AccountAccess?> OpenAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken)
    {
        if (await directory.FindWithCredentialsAsync(workspaceId, accountId, cancellationToken) is not var (account, protectedCredentials))
        {
            return null;
        }

        var connector = FindConnector(account.PluginId, account.PlatformKey);
        if (account.Health != AccountHealth.Connected)
        {
            return new AccountAccess(account, connector, null);
        }

        var credentials = await ReadCredentialsAsync(account, protectedCredentials, locked: false, cancellationToken);
        if (credentials is not null && connector is not null && IsExpiring(credentials.ExpiresAt))
        {
            credentials = await RefreshAsync(account, connector, cancellationToken);
        }

        return credentials is null
            ? new AccountAccess(await directory.FindAsync(workspaceId, accountId, cancellationToken) ?? account, connector, null)
            : new AccountAccess(account, connector, credentials);
    }

    /// <summary>
    /// Marks an account "needs reconnect" (once: an account already marked or disconnected is left as it is). The console
    /// raises a live notice from the event on every node.
    /// </summary>
    public async Task ReportNeedsReconnectAsync(Guid workspaceId, Guid accountId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, accountId, cancellationToken);
        await MarkNeedsReconnectAsync(workspaceId, accountId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The running connector for a plugin and network, or null when that plugin is not running on this node.</summary>
    public GuardedCapability<IPlatformConnector>? FindConnector(string pluginId, string platformKey) =>
        RunningConnectors().FirstOrDefault(c => c.PluginId == pluginId && c.Description.Key == platformKey);

    /// <summary>The connectors of the plugins running on this node (none on a host without the plugin runtime).</summary>
    public IReadOnlyList<GuardedCapability<IPlatformConnector>> RunningConnectors() =>
        services.GetService<IPluginCapabilities>()?.Connectors ?? [];

    /// <summary>Refreshes an account's credentials now if they still expire within the margin (the background refresher's entry).</summary>
    internal async Task RefreshIfExpiringAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(workspaceId, accountId, cancellationToken) is not { Health: AccountHealth.Connected } account
            || FindConnector(account.PluginId, account.PlatformKey) is not { } connector)
        {
            return;
        }

        await RefreshAsync(account, connector, cancellationToken);
    }

    private bool IsExpiring(DateTimeOffset? expiresAt) =>
        expiresAt is { } at && at - clock.GetUtcNow() <= options.Value.RefreshMargin;

    private async Task<AccountCredentials?> ReadCredentialsAsync(AccountRecord account, string? protectedCredentials, bool locked, CancellationToken cancellationToken)
    {
        if (protectedCredentials is null)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedCredentials);
        }
        catch (CryptographicException e)
        {
            AccountsLog.CredentialsUnreadable(logger, account.Id, e);
            const string Reason = "The stored credentials can no longer be decrypted.";
            await (locked
                ? MarkNeedsReconnectAsync(account.WorkspaceId, account.Id, Reason, cancellationToken)
                : ReportNeedsReconnectAsync(account.WorkspaceId, account.Id, Reason, cancellationToken));
            return null;
        }
    }

    private async Task<AccountCredentials?> RefreshAsync(AccountRecord account, GuardedCapability<IPlatformConnector> connector, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, account.Id, cancellationToken);

        // Another node (or call) may have refreshed while this one waited for the lock: read again.
        if (await directory.FindWithCredentialsAsync(account.WorkspaceId, account.Id, cancellationToken) is not ({ Health: AccountHealth.Connected }, var protectedCredentials)
            || await ReadCredentialsAsync(account, protectedCredentials, locked: true, cancellationToken) is not { } current)
        {
            return null;
        }

        if (!IsExpiring(current.ExpiresAt))
        {
            return current;
        }

        AccountCredentials fresh;
        try
        {
            var app = await directory.AppCredentialsAsync(account.WorkspaceId, account.PlatformKey, protector, cancellationToken);
            var asked = current with { App = app };
            // The app travels with the request only: never kept in the account's stored credentials.
            fresh = (await connector.CallAsync("refresh credentials", (c, token) => c.RefreshCredentialsAsync(asked, token), cancellationToken)) with { App = null };
        }
        catch (PlatformException e) when (e.Failure == PlatformFailure.NeedsReconnect)
        {
            await MarkNeedsReconnectAsync(account.WorkspaceId, account.Id, e.Message, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is PlatformException or PluginCallException && current.ExpiresAt > clock.GetUtcNow())
        {
            // A passing failure: the old credentials still work for a while, and the next use tries again.
            AccountsLog.RefreshPostponed(logger, account.Id, e.Message);
            return current;
        }

        var merged = Merge(current, fresh);
        if (merged.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            await MarkNeedsReconnectAsync(account.WorkspaceId, account.Id, "The credentials expired and the network did not renew them.", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        if (merged.ExpiresAt != current.ExpiresAt || !SameValues(merged, current))
        {
            await store.AppendAsync(PublishingStreams.Account(account.Id), ExpectedVersion.Any,
                [new AccountCredentialsRefreshed(account.Id, account.WorkspaceId, protector.Protect(merged), merged.ExpiresAt)],
                Metadata(account.WorkspaceId, SystemUser), cancellationToken);
            AccountsLog.CredentialsRefreshed(logger, account.Id, merged.ExpiresAt);
        }

        await transaction.CommitAsync(cancellationToken);
        return merged;
    }

    /// <summary>
    /// Keeps credentials a connector of <paramref name="pluginId"/> renewed during a call: each connected account of the
    /// plugin on that network account whose stored credentials still hold every value of <paramref name="previous"/> gets
    /// <paramref name="renewed"/> over them (under the same lock as a refresh, so a refresh and a renewal never cross).
    /// </summary>
    public async Task<bool> KeepAsync(string pluginId, AccountCredentials previous, AccountCredentials renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(renewed);
        // Credentials move between accounts never: a renewal names the network account the call was made for.
        if (previous.Values.Count == 0 || (!string.IsNullOrEmpty(renewed.PlatformAccountId) && renewed.PlatformAccountId != previous.PlatformAccountId))
        {
            return false;
        }

        var kept = false;
        foreach (var account in await directory.FindByPluginAccountAsync(pluginId, previous.PlatformAccountId, cancellationToken))
        {
            await using var connection = await db.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, account.Id, cancellationToken);
            if (await directory.FindWithCredentialsAsync(account.WorkspaceId, account.Id, cancellationToken) is not ({ Health: AccountHealth.Connected }, var protectedCredentials)
                || await ReadCredentialsAsync(account, protectedCredentials, locked: true, cancellationToken) is not { } current
                || !previous.Values.All(p => current.Values.TryGetValue(p.Key, out var value) && value == p.Value))
            {
                continue;
            }

            var merged = Merge(current, renewed with { App = null });
            await store.AppendAsync(PublishingStreams.Account(account.Id), ExpectedVersion.Any,
                [new AccountCredentialsRefreshed(account.Id, account.WorkspaceId, protector.Protect(merged), merged.ExpiresAt)],
                Metadata(account.WorkspaceId, SystemUser), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            AccountsLog.RenewedCredentialsKept(logger, account.Id, merged.ExpiresAt);
            kept = true;
        }

        return kept;
    }

    /// <summary>
    /// The refreshed credentials over the old ones: a value the network did not return again (typically the refresh
    /// token) is kept.
    /// </summary>
    internal static AccountCredentials Merge(AccountCredentials current, AccountCredentials fresh)
    {
        var values = new Dictionary<string, string>(current.Values, StringComparer.Ordinal);
        foreach (var (key, value) in fresh.Values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        return new AccountCredentials
        {
            PlatformAccountId = string.IsNullOrEmpty(fresh.PlatformAccountId) ? current.PlatformAccountId : fresh.PlatformAccountId,
            Values = values,
            ExpiresAt = fresh.ExpiresAt,
        };
    }

    internal static EventMetadata Metadata(Guid workspaceId, string user) => new() { Tenant = workspaceId.ToString(), User = user };

    private static bool SameValues(AccountCredentials a, AccountCredentials b) =>
        a.Values.Count == b.Values.Count && a.Values.All(p => b.Values.TryGetValue(p.Key, out var v) && v == p.Value);

    private async Task MarkNeedsReconnectAsync(Guid workspaceId, Guid accountId, string reason, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(workspaceId, accountId, cancellationToken) is not { Health: AccountHealth.Connected })
        {
            return;
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "The network refused the account's credentials." : reason.Trim();
        text = text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
        await store.AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.Any,
            [new AccountNeedsReconnect(accountId, workspaceId, text)], Metadata(workspaceId, SystemUser), cancellationToken);
        AccountsLog.NeedsReconnect(logger, accountId, text);
    }

    // Serializes refreshes and health changes of one account across nodes until the transaction ends.
    private static async Task LockAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(accountId) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static long LockKey(Guid accountId)
    {
        Span<byte> bytes = stackalloc byte[16];
        accountId.TryWriteBytes(bytes);
        // A fixed tag in the high bits keeps account locks apart from other advisory locks' keys.
        return (BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..])) & 0x00FF_FFFF_FFFF_FFFF | 0x4100_0000_0000_0000;
    }
}
