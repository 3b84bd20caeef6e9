using Extensible.EventStore;
using Extensible.People.Passwords;
using Extensible.People.Server;
using Extensible.People.Sessions;
using Extensible.People.Tokens;
using Extensible.People.TwoFactor;
using Extensible.People.Users;
using Extensible.People.Workspaces;
using Npgsql;

namespace Extensible.People.ReadModel;

/// <summary>
/// The people read model, kept inline: a sign-in, an invitation or a role change is visible the moment its
/// append returns, on every node.
/// </summary>
internal sealed class PeopleProjection : IProjection
{
    public string Name => "people";

    public async Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            create table if not exists people_users (
                id uuid primary key, email text not null, display_name text not null, password_hash text not null,
                is_owner boolean not null, failed_logins int not null default 0, locked_until timestamptz,
                created timestamptz not null);
            create unique index if not exists people_users_email on people_users (lower(email));
            create table if not exists people_workspaces (id uuid primary key, name text not null, created timestamptz not null);
            create table if not exists people_members (
                workspace_id uuid not null, user_id uuid not null, role text not null, joined timestamptz not null,
                primary key (workspace_id, user_id));
            create index if not exists people_members_user on people_members (user_id);
            create table if not exists people_invitations (
                id uuid primary key, workspace_id uuid not null, email text not null, role text not null,
                secret_hash text not null unique, expires_at timestamptz not null, accepted_by uuid, revoked boolean not null default false,
                created timestamptz not null);
            create index if not exists people_invitations_workspace on people_invitations (workspace_id, created);
            create table if not exists people_sessions (
                id uuid primary key, user_id uuid not null, started timestamptz not null, remote_address text, revoked timestamptz);
            create index if not exists people_sessions_user on people_sessions (user_id, started);
            create table if not exists people_tokens (
                id uuid primary key, workspace_id uuid not null, user_id uuid not null, name text not null, role text not null,
                prefix text not null, secret_hash text not null unique, expires_at timestamptz, created timestamptz not null,
                revoked boolean not null default false);
            create index if not exists people_tokens_workspace on people_tokens (workspace_id, created);
            alter table people_users add column if not exists two_factor_key text;
            alter table people_users add column if not exists two_factor_last_step bigint;
            alter table people_sessions add column if not exists user_agent text;
            alter table people_sessions add column if not exists last_seen timestamptz;
            create table if not exists people_recovery_codes (
                user_id uuid not null, number int not null, code_hash text not null, used boolean not null default false,
                primary key (user_id, number));
            create table if not exists people_password_resets (
                id uuid primary key, workspace_id uuid not null, user_id uuid not null, secret_hash text not null unique,
                expires_at timestamptz not null, used boolean not null default false, created timestamptz not null);
            alter table people_users add column if not exists operator boolean;
            alter table people_tokens add column if not exists server_capabilities text[];
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        await using var sql = new NpgsqlBatch(batch.Connection, batch.Transaction);
        foreach (var command in batch.Events.SelectMany(Commands))
        {
            sql.BatchCommands.Add(command);
        }

        if (sql.BatchCommands.Count > 0)
        {
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "truncate people_users, people_workspaces, people_members, people_invitations, people_sessions, people_tokens, people_recovery_codes, people_password_resets",
            connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<NpgsqlBatchCommand> Commands(StoredEvent e) => e.Data switch
    {
        UserRegistered u => Sql("insert into people_users (id, email, display_name, password_hash, is_owner, created) values ($1, $2, $3, $4, $5, $6)",
            u.UserId, u.Email, u.DisplayName, u.PasswordHash, u.IsOwner, e.Timestamp),
        LoginSucceeded l =>
        [
            One("update people_users set failed_logins = 0, locked_until = null where id = $1", l.UserId),
            One("insert into people_sessions (id, user_id, started, remote_address, user_agent) values ($1, $2, $3, $4, $5)",
                l.SessionId, l.UserId, e.Timestamp, (object?)l.RemoteAddress ?? DBNull.Value, (object?)l.UserAgent ?? DBNull.Value),
        ],
        LoginFailed f => Sql("update people_users set failed_logins = $2 where id = $1", f.UserId, f.FailedCount),
        UserLockedOut o => Sql("update people_users set locked_until = $2, failed_logins = 0 where id = $1", o.UserId, o.Until),
        SessionRevoked s => Sql("update people_sessions set revoked = $2 where id = $1 and revoked is null", s.SessionId, e.Timestamp),
        PasswordChanged p => Sql("update people_users set password_hash = $2, failed_logins = 0, locked_until = null where id = $1", p.UserId, p.PasswordHash),
        WorkspaceCreated w => Sql("insert into people_workspaces (id, name, created) values ($1, $2, $3)", w.WorkspaceId, w.Name, e.Timestamp),
        WorkspaceRenamed r => Sql("update people_workspaces set name = $2 where id = $1", r.WorkspaceId, r.Name),
        MemberAdded m => Sql("insert into people_members (workspace_id, user_id, role, joined) values ($1, $2, $3, $4) on conflict (workspace_id, user_id) do update set role = excluded.role",
            m.WorkspaceId, m.UserId, m.Role.ToString(), e.Timestamp),
        MemberInvited i => Sql("insert into people_invitations (id, workspace_id, email, role, secret_hash, expires_at, created) values ($1, $2, $3, $4, $5, $6, $7)",
            i.InvitationId, i.WorkspaceId, i.Email, i.Role.ToString(), i.SecretHash, i.ExpiresAt, e.Timestamp),
        InvitationAccepted a => Sql("update people_invitations set accepted_by = $2 where id = $1", a.InvitationId, a.UserId),
        InvitationRevoked r => Sql("update people_invitations set revoked = true where id = $1", r.InvitationId),
        MemberRoleChanged c => Sql("update people_members set role = $3 where workspace_id = $1 and user_id = $2", c.WorkspaceId, c.UserId, c.To.ToString()),
        MemberRemoved m => Sql("delete from people_members where workspace_id = $1 and user_id = $2", m.WorkspaceId, m.UserId),
        ApiTokenCreated t => Sql("insert into people_tokens (id, workspace_id, user_id, name, role, prefix, secret_hash, expires_at, created, server_capabilities) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            t.TokenId, t.WorkspaceId, t.UserId, t.Name, t.Role.ToString(), t.Prefix, t.SecretHash, (object?)t.ExpiresAt ?? DBNull.Value, e.Timestamp, (t.ServerCapabilities ?? []).ToArray()),
        ServerOperatorNamed o => Sql("update people_users set operator = true where id = $1", o.UserId),
        ServerOperatorRemoved o => Sql("update people_users set operator = false where id = $1", o.UserId),
        ApiTokenRevoked r => Sql("update people_tokens set revoked = true where id = $1", r.TokenId),
        TwoFactorEnabled t =>
        [
            One("update people_users set two_factor_key = $2, two_factor_last_step = null where id = $1", t.UserId, t.ProtectedKey),
            One("delete from people_recovery_codes where user_id = $1", t.UserId),
            One("insert into people_recovery_codes (user_id, number, code_hash) select $1, n - 1, h from unnest($2::text[]) with ordinality as c(h, n)",
                t.UserId, t.RecoveryCodeHashes.ToArray()),
        ],
        TwoFactorDisabled d => TwoFactorOff(d.UserId),
        MemberTwoFactorReset r => TwoFactorOff(r.UserId),
        TwoFactorCodeUsed c => Sql("update people_users set two_factor_last_step = $2 where id = $1 and (two_factor_last_step is null or two_factor_last_step < $2)", c.UserId, c.TimeStep),
        RecoveryCodeUsed r => Sql("update people_recovery_codes set used = true where user_id = $1 and number = $2", r.UserId, r.Number),
        PasswordResetLinkCreated r => Sql("insert into people_password_resets (id, workspace_id, user_id, secret_hash, expires_at, created) values ($1, $2, $3, $4, $5, $6)",
            r.ResetId, r.WorkspaceId, r.UserId, r.SecretHash, r.ExpiresAt, e.Timestamp),
        PasswordResetLinkUsed u =>
        [
            One("update people_password_resets set used = true where id = $1", u.ResetId),
            EndSessions(u.UserId, e.Timestamp),
        ],
        MemberSignedOutEverywhere s => [EndSessions(s.UserId, e.Timestamp)],
        _ => [],
    };

    private static NpgsqlBatchCommand[] TwoFactorOff(Guid userId) =>
    [
        One("update people_users set two_factor_key = null, two_factor_last_step = null where id = $1", userId),
        One("delete from people_recovery_codes where user_id = $1", userId),
    ];

    private static NpgsqlBatchCommand EndSessions(Guid userId, DateTimeOffset at) =>
        One("update people_sessions set revoked = $2 where user_id = $1 and revoked is null", userId, at);

    private static NpgsqlBatchCommand[] Sql(string text, params object[] values) => [One(text, values)];

    private static NpgsqlBatchCommand One(string text, params object[] values)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
