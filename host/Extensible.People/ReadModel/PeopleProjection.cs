using Extensible.EventStore;
using Extensible.People.Passwords;
using Extensible.People.Server;
using Extensible.People.Sessions;
using Extensible.People.Tokens;
using Extensible.People.TwoFactor;
using Extensible.People.Users;
using Extensible.People.Workspaces;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Extensible.People.ReadModel;

/// <summary>
/// The people read model, kept inline: a sign-in, an invitation or a role change is visible the moment its
/// append returns, on every node.
/// </summary>
internal sealed class PeopleProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            foreach (var (sql, values) in Commands(e))
            {
                operations.QueueSql(sql, values);
            }
        }

        return Task.CompletedTask;
    }

    private static (string Sql, object?[] Values)[] Commands(IEvent e) => e.Data switch
    {
        UserRegistered u => Sql("insert into people_users (id, email, display_name, password_hash, is_owner, created) values ($1, $2, $3, $4, $5, $6)",
            u.UserId, u.Email, u.DisplayName, u.PasswordHash, u.IsOwner, e.Timestamp),
        LoginSucceeded l =>
        [
            One("update people_users set failed_logins = 0, locked_until = null where id = $1", l.UserId),
            One("insert into people_sessions (id, user_id, started, remote_address, user_agent) values ($1, $2, $3, $4, $5)",
                l.SessionId, l.UserId, e.Timestamp, l.RemoteAddress, l.UserAgent),
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
            t.TokenId, t.WorkspaceId, t.UserId, t.Name, t.Role.ToString(), t.Prefix, t.SecretHash, t.ExpiresAt, e.Timestamp, (t.ServerCapabilities ?? []).ToArray()),
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

    private static (string, object?[])[] TwoFactorOff(Guid userId) =>
    [
        One("update people_users set two_factor_key = null, two_factor_last_step = null where id = $1", userId),
        One("delete from people_recovery_codes where user_id = $1", userId),
    ];

    private static (string, object?[]) EndSessions(Guid userId, DateTimeOffset at) =>
        One("update people_sessions set revoked = $2 where user_id = $1 and revoked is null", userId, at);

    private static (string, object?[])[] Sql(string text, params object?[] values) => [One(text, values)];

    private static (string, object?[]) One(string text, params object?[] values) => (text, values);
}
