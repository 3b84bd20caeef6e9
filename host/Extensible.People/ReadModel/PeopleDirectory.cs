using Npgsql;

namespace Extensible.People;

/// <summary>Answers questions about people, workspaces and tokens from the read model (index lookups only).</summary>
public sealed class PeopleDirectory(NpgsqlDataSource db, EventStore.EventStore store)
{
    // The first owner operates the server until an operator change says otherwise.
    private const string IsOperator = "coalesce(operator, is_owner)";

    /// <summary>Whether anyone has an account yet (first run asks for the owner until someone does).</summary>
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select exists (select 1 from people_users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A user by id.</summary>
    public Task<UserRecord?> FindUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        FindUserWhereAsync("id = $1", userId, cancellationToken);

    /// <summary>A user by email, ignoring case.</summary>
    public Task<UserRecord?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        FindUserWhereAsync("lower(email) = lower($1)", email, cancellationToken);

    /// <summary>The server's operators, by name. The person who set Extensible up is one until an operator removes them.</summary>
    public async Task<IReadOnlyList<OperatorRecord>> OperatorsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"select id, email, display_name from people_users where {IsOperator} order by display_name, id");
        var list = new List<OperatorRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new OperatorRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return list;
    }

    /// <summary>The workspaces a user belongs to, by name.</summary>
    public async Task<IReadOnlyList<WorkspaceMembership>> WorkspacesOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await AccessOfAsync(userId, cancellationToken)).Workspaces;

    /// <summary>
    /// What a person may be given on a request: the workspaces they belong to (by name) and whether they operate the
    /// server, in one round trip (it is asked on every request).
    /// </summary>
    public async Task<(IReadOnlyList<WorkspaceMembership> Workspaces, bool IsOperator)> AccessOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "select w.id, w.name, m.role from people_members m join people_workspaces w on w.id = m.workspace_id where m.user_id = $1 order by w.name, w.id")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = userId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select exists (select 1 from people_users where id = $1 and {IsOperator})")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = userId } },
        });
        var list = new List<WorkspaceMembership>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new WorkspaceMembership(reader.GetGuid(0), reader.GetString(1), Enum.Parse<Role>(reader.GetString(2))));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (list, reader.GetBoolean(0));
    }

    /// <summary>The members of a workspace, by name.</summary>
    public async Task<IReadOnlyList<MemberRecord>> MembersAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select u.id, u.email, u.display_name, m.role, m.joined from people_members m join people_users u on u.id = m.user_id where m.workspace_id = $1 order by u.display_name, u.id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        var list = new List<MemberRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new MemberRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<Role>(reader.GetString(3)), Utc(reader.GetDateTime(4))));
        }

        return list;
    }

    /// <summary>Invitations of a workspace that are neither taken up, withdrawn nor expired.</summary>
    public async Task<IReadOnlyList<InvitationRecord>> PendingInvitationsAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var list = await InvitationsWhereAsync("i.workspace_id = $1 and i.accepted_by is null and not i.revoked and i.expires_at > now()", workspaceId, cancellationToken);
        return list;
    }

    /// <summary>The invitation a link's secret belongs to, whatever its state.</summary>
    public async Task<InvitationRecord?> FindInvitationAsync(string secret, CancellationToken cancellationToken = default) =>
        (await InvitationsWhereAsync("i.secret_hash = $1", Secrets.Hash(secret), cancellationToken)).SingleOrDefault();

    /// <summary>API tokens of a workspace (optionally one person's), newest first.</summary>
    public async Task<IReadOnlyList<TokenRecord>> TokensAsync(Guid workspaceId, Guid? userId = null, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select id, workspace_id, user_id, name, role, prefix, created, expires_at, revoked, server_capabilities from people_tokens where workspace_id = $1 and ($2::uuid is null or user_id = $2) order by created desc");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var list = new List<TokenRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new TokenRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), Enum.Parse<Role>(reader.GetString(4)),
                reader.GetString(5), Utc(reader.GetDateTime(6)), reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7)), reader.GetBoolean(8))
            {
                ServerCapabilities = reader.IsDBNull(9) ? [] : reader.GetFieldValue<string[]>(9),
            });
        }

        return list;
    }

    /// <summary>Who a presented API token speaks for, or null for an unknown, revoked or expired one.</summary>
    public async Task<TokenIdentity?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            """
            select t.id, u.id, u.email, u.display_name, w.id, w.name, t.role, m.role, t.server_capabilities, coalesce(u.operator, u.is_owner)
              from people_tokens t
              join people_users u on u.id = t.user_id
              join people_workspaces w on w.id = t.workspace_id
              join people_members m on m.workspace_id = t.workspace_id and m.user_id = t.user_id
             where t.secret_hash = $1 and not t.revoked and (t.expires_at is null or t.expires_at > now())
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Secrets.Hash(token) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // A token does only what both it and its person's current role allow.
        var role = Capabilities.Meet(Enum.Parse<Role>(reader.GetString(6)), Enum.Parse<Role>(reader.GetString(7)));
        return new TokenIdentity(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5), role)
        {
            ServerCapabilities = reader.IsDBNull(8) ? [] : reader.GetFieldValue<string[]>(8),
            PersonIsOperator = reader.GetBoolean(9),
        };
    }

    /// <summary>
    /// Whether a sign-in session is still valid; also notes, at most every few minutes, that it was used (a plain
    /// column beside the projection, not an event: it is a hint for the person's list of sessions, lost on a rebuild).
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            """
            with touched as (
                update people_sessions set last_seen = now()
                 where id = $1 and revoked is null and (last_seen is null or last_seen < now() - interval '5 minutes'))
            select exists (select 1 from people_sessions where id = $1 and revoked is null)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sessionId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A person's sessions that have not ended, newest first.</summary>
    public async Task<IReadOnlyList<SessionRecord>> SessionsOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select id, user_id, started, remote_address, user_agent, last_seen from people_sessions where user_id = $1 and revoked is null order by started desc");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        var list = new List<SessionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SessionRecord(reader.GetGuid(0), reader.GetGuid(1), Utc(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5))));
        }

        return list;
    }

    /// <summary>The reset link a secret belongs to, whatever its state.</summary>
    public async Task<PasswordResetRecord?> FindPasswordResetAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            "select r.id, r.workspace_id, r.user_id, u.email, r.expires_at, r.used from people_password_resets r join people_users u on u.id = r.user_id where r.secret_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Secrets.Hash(secret) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PasswordResetRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), Utc(reader.GetDateTime(4)), reader.GetBoolean(5))
            : null;
    }

    /// <summary>How many of a person's recovery codes are still unused.</summary>
    public async Task<int> RecoveryCodesLeftAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand("select count(*)::int from people_recovery_codes where user_id = $1 and not used");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The unused recovery codes' numbers and hashes.</summary>
    internal async Task<IReadOnlyList<(int Number, string Hash)>> UnusedRecoveryCodesAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select number, code_hash from people_recovery_codes where user_id = $1 and not used order by number");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        var list = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return list;
    }

    /// <summary>
    /// The workspace's events, newest first, by keyset: pass the previous page's <see cref="AuditPage.Before"/>.
    /// Optionally only one event type (alias) or one user; with <paramref name="serverWide"/>, the server's plugin
    /// administration and operator events too (they belong to no workspace).
    /// </summary>
    public async Task<AuditPage> AuditAsync(Guid workspaceId, long? before = null, string? type = null, string? user = null, int pageSize = 50, bool serverWide = false, CancellationToken cancellationToken = default)
    {
        // Two keyset scans of Marten's event table, each cut at the page's size, merged: no sort of a whole tenant.
        await using var command = db.CreateCommand(
            $"""
            select seq_id, timestamp, type, stream_id, user_name, data from (
                (select seq_id, timestamp, type, stream_id, user_name, data::text as data from "{store.Options.Schema}".mt_events
                  where tenant_id = $1 and seq_id < $2 and ($3::text is null or type = $3) and ($4::text is null or user_name = $4 or user_name = $11)
                  order by seq_id desc limit $5)
                union all
                (select seq_id, timestamp, type, stream_id, user_name, data::text from "{store.Options.Schema}".mt_events
                  where $6 and tenant_id = $7 and seq_id < $2 and ($3::text is null or type = $3) and ($4::text is null or user_name = $4 or user_name = $11)
                    and (starts_with(stream_id, $8) or stream_id = $10) and type = any($9)
                  order by seq_id desc limit $5)) page
             order by seq_id desc limit $5
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before ?? long.MaxValue });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)user ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = serverWide });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Audit.AuditEventTypes.ServerTenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Audit.AuditEventTypes.PluginStreamPrefix });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. Audit.AuditEventTypes.Server.Select(t => t.Alias)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Audit.AuditEventTypes.OperatorsStream });
        // Some modules record who acted by their id: the person with that email, by id.
        var userId = user is null ? null : (await FindUserByEmailAsync(user, cancellationToken))?.Id.ToString();
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), Utc(reader.GetDateTime(1)), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        var more = entries.Count > pageSize;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        return new AuditPage(entries, more ? entries[^1].Sequence : null);
    }

    private async Task<UserRecord?> FindUserWhereAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"select id, email, display_name, is_owner, failed_logins, locked_until, password_hash, two_factor_key, two_factor_last_step, {IsOperator} from people_users where {where}");
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UserRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)))
            {
                PasswordHash = reader.GetString(6),
                TwoFactorKey = reader.IsDBNull(7) ? null : reader.GetString(7),
                TwoFactorLastStep = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                IsOperator = reader.GetBoolean(9),
            }
            : null;
    }

    private async Task<List<InvitationRecord>> InvitationsWhereAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"select i.id, i.workspace_id, w.name, i.email, i.role, i.expires_at, i.accepted_by is not null, i.revoked from people_invitations i join people_workspaces w on w.id = i.workspace_id where {where} order by i.created desc");
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        var list = new List<InvitationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new InvitationRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Enum.Parse<Role>(reader.GetString(4)),
                Utc(reader.GetDateTime(5)), reader.GetBoolean(6), reader.GetBoolean(7)));
        }

        return list;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
