using Extensible.Sdk.Connectors;
using Npgsql;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Reads connected accounts from the read model (<c>publishing_accounts</c>) for the Accounts room, the API and the
/// composer. It never returns credentials; <see cref="AccountVault"/> opens them for the publisher.
/// </summary>
public sealed class AccountDirectory(NpgsqlDataSource db)
{
    private const string Columns =
        "id, workspace_id, plugin_id, platform_key, platform_account_id, handle, display_name, profile_url, avatar_url, health, health_reason, paused, connected_at, expires_at, last_published_at, last_error, last_error_at";

    /// <summary>A workspace's accounts (disconnected ones only when asked), by network then name.</summary>
    public async Task<IReadOnlyList<AccountRecord>> ListAsync(Guid workspaceId, bool includeDisconnected = false, CancellationToken cancellationToken = default)
    {
        var filter = includeDisconnected ? "" : " and health <> 'disconnected'";
        await using var command = db.CreateCommand($"select {Columns} from publishing_accounts where workspace_id = $1{filter} order by platform_key, display_name, handle, id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One account of a workspace (disconnected ones too), or null when the workspace has no such account.</summary>
    public async Task<AccountRecord?> FindAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from publishing_accounts where workspace_id = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        return await ReadAsync(command, cancellationToken) is [var account, ..] ? account : null;
    }

    /// <summary>An account by its id alone, in whatever workspace (for routes a network calls, which name only the account), or null.</summary>
    public async Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from publishing_accounts where id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        return await ReadAsync(command, cancellationToken) is [var account, ..] ? account : null;
    }

    /// <summary>Connected accounts of every workspace (for the inbox's poller), oldest first.</summary>
    public async Task<IReadOnlyList<AccountRecord>> ConnectedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select {Columns} from publishing_accounts where health = 'connected' order by connected_at, id");
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The workspace's account for one network account (connected before, in any health), or null.</summary>
    public async Task<AccountRecord?> FindByNetworkAccountAsync(Guid workspaceId, string platformKey, string platformAccountId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"select {Columns} from publishing_accounts where workspace_id = $1 and platform_key = $2 and platform_account_id = $3 order by connected_at limit 1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = platformKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = platformAccountId });
        return await ReadAsync(command, cancellationToken) is [var account, ..] ? account : null;
    }

    /// <summary>The connected accounts one plugin serves for one network account, in every workspace.</summary>
    public async Task<IReadOnlyList<AccountRecord>> FindByPluginAccountAsync(string pluginId, string platformAccountId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"select {Columns} from publishing_accounts where plugin_id = $1 and platform_account_id = $2 and health = 'connected' order by connected_at, id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pluginId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = platformAccountId });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The networks for which the workspace has its own app credentials (never the credentials).</summary>
    public async Task<IReadOnlySet<string>> AppCredentialKeysAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select platform_key from publishing_network_apps where workspace_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>The workspace's own app for a network, decrypted, or null when an Admin set none.</summary>
    internal async Task<AppCredentials?> AppCredentialsAsync(Guid workspaceId, string platformKey, CredentialsProtector protector, CancellationToken cancellationToken) =>
        await ProtectedAppCredentialsAsync(workspaceId, platformKey, cancellationToken) is { } text ? protector.UnprotectApp(text) : null;

    /// <summary>
    /// One account of a workspace with its protected credentials (null once disconnected), in one query: the publisher
    /// opens an account for every call.
    /// </summary>
    internal async Task<(AccountRecord Account, string? ProtectedCredentials)?> FindWithCredentialsAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select {Columns}, protected_credentials from publishing_accounts where workspace_id = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Record(reader), Text(reader, 17)) : null;
    }

    /// <summary>The workspace's protected app credentials for a network, or null.</summary>
    internal async Task<string?> ProtectedAppCredentialsAsync(Guid workspaceId, string platformKey, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select protected_credentials from publishing_network_apps where workspace_id = $1 and platform_key = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = platformKey });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Connected accounts whose credentials expire before <paramref name="before"/>, soonest first.</summary>
    internal async Task<IReadOnlyList<(Guid WorkspaceId, Guid AccountId)>> ExpiringAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "select workspace_id, id from publishing_accounts where health = 'connected' and expires_at is not null and expires_at < $1 order by expires_at limit $2");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var list = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<AccountRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<AccountRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Record(reader));
        }

        return list;
    }

    private static AccountRecord Record(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
        Text(reader, 7), Text(reader, 8), Health(reader.GetString(9)), Text(reader, 10), reader.GetBoolean(11), reader.GetFieldValue<DateTimeOffset>(12),
        Time(reader, 13), Time(reader, 14), Text(reader, 15), Time(reader, 16));

    private static AccountHealth Health(string health) => health switch
    {
        "needs_reconnect" => AccountHealth.NeedsReconnect,
        "disconnected" => AccountHealth.Disconnected,
        _ => AccountHealth.Connected,
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
