using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// The OAuth <c>state</c> values of connects under way, kept in PostgreSQL so the callback may land on any node: each is
/// random (256 bits), stored only as its hash, bound to a person and a workspace, taken once (deleted as it is read) and
/// refused after <see cref="AccountsOptions.ConnectStateLifetime"/>.
/// </summary>
public sealed class ConnectStates(NpgsqlDataSource db, IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountsOptions> options)
{
    private readonly IDataProtector _verifiers = protection.CreateProtector(CredentialsProtector.Purpose, "ConnectVerifier");

    /// <summary>Stores a new connect under way and returns its state, to hand to the connector.</summary>
    public async Task<string> CreateAsync(Guid workspaceId, Guid userId, string pluginId, string platformKey, Uri redirectUri, Guid? reconnectAccountId, CancellationToken cancellationToken)
    {
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var batch = db.CreateBatch();
        // Expired states are swept as new ones come.
        batch.BatchCommands.Add(Command("delete from publishing_connect_states where expires_at < $1", clock.GetUtcNow()));
        batch.BatchCommands.Add(Command(
            "insert into publishing_connect_states (state_hash, workspace_id, user_id, plugin_id, platform_key, redirect_uri, reconnect_account_id, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
            Hash(state), workspaceId, userId, pluginId, platformKey, redirectUri.AbsoluteUri, reconnectAccountId, clock.GetUtcNow() + options.Value.ConnectStateLifetime));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return state;
    }

    /// <summary>Keeps the connector's PKCE verifier (encrypted) with its state, once the connector returned it.</summary>
    public async Task SetVerifierAsync(string state, string? verifier, CancellationToken cancellationToken)
    {
        if (verifier is null)
        {
            return;
        }

        await using var command = db.CreateCommand("update publishing_connect_states set protected_verifier = $2 where state_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Hash(state) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _verifiers.Protect(verifier) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes a state: it is deleted whatever the outcome, so it never works twice. Null when it is unknown (forged, used
    /// already), expired, or was started by another person, in another workspace or for another plugin.
    /// </summary>
    public async Task<ConnectState?> TakeAsync(string? state, Guid workspaceId, Guid userId, string pluginId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200)
        {
            return null;
        }

        await using var command = db.CreateCommand(
            "delete from publishing_connect_states where state_hash = $1 returning workspace_id, user_id, plugin_id, platform_key, redirect_uri, protected_verifier, reconnect_account_id, expires_at");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Hash(state) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var taken = new ConnectState(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), new Uri(reader.GetString(4)),
            reader.IsDBNull(5) ? null : _verifiers.Unprotect(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetGuid(6),
            reader.GetFieldValue<DateTimeOffset>(7));
        return taken.ExpiresAt > clock.GetUtcNow() && taken.WorkspaceId == workspaceId && taken.UserId == userId && taken.PluginId == pluginId
            ? taken
            : null;
    }

    private static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
