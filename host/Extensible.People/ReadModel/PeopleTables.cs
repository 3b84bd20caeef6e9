using Extensible.EventStore;
using Marten;

namespace Extensible.People.ReadModel;

/// <summary>The people read model's tables, declared to Marten (Weasel creates and updates them in the store's schema).</summary>
internal static class PeopleTables
{
    public static void Declare(StoreOptions options)
    {
        var users = options.AddReadModelTable("people_users").WithIndex("people_users_email", ["email"], unique: true, mask: "lower(?)");
        users.AddColumn<Guid>("id").AsPrimaryKey();
        users.AddColumn("email", "text").NotNull();
        users.AddColumn("display_name", "text").NotNull();
        users.AddColumn("password_hash", "text").NotNull();
        users.AddColumn("is_owner", "boolean").NotNull();
        users.AddColumn("failed_logins", "integer").NotNull().DefaultValue(0);
        users.AddColumn("locked_until", "timestamptz");
        users.AddColumn("created", "timestamptz").NotNull();
        users.AddColumn("two_factor_key", "text");
        users.AddColumn("two_factor_last_step", "bigint");
        users.AddColumn("operator", "boolean");

        var workspaces = options.AddReadModelTable("people_workspaces");
        workspaces.AddColumn<Guid>("id").AsPrimaryKey();
        workspaces.AddColumn("name", "text").NotNull();
        workspaces.AddColumn("created", "timestamptz").NotNull();

        var members = options.AddReadModelTable("people_members").WithIndex("people_members_user", ["user_id"]);
        members.AddColumn<Guid>("workspace_id").AsPrimaryKey();
        members.AddColumn<Guid>("user_id").AsPrimaryKey();
        members.AddColumn("role", "text").NotNull();
        members.AddColumn("joined", "timestamptz").NotNull();

        var invitations = options.AddReadModelTable("people_invitations")
            .WithIndex("people_invitations_workspace", ["workspace_id", "created"])
            .WithIndex("people_invitations_secret", ["secret_hash"], unique: true);
        invitations.AddColumn<Guid>("id").AsPrimaryKey();
        invitations.AddColumn<Guid>("workspace_id").NotNull();
        invitations.AddColumn("email", "text").NotNull();
        invitations.AddColumn("role", "text").NotNull();
        invitations.AddColumn("secret_hash", "text").NotNull();
        invitations.AddColumn("expires_at", "timestamptz").NotNull();
        invitations.AddColumn<Guid>("accepted_by");
        invitations.AddColumn("revoked", "boolean").NotNull().DefaultValueByExpression("false");
        invitations.AddColumn("created", "timestamptz").NotNull();

        var sessions = options.AddReadModelTable("people_sessions").WithIndex("people_sessions_user", ["user_id", "started"]);
        sessions.AddColumn<Guid>("id").AsPrimaryKey();
        sessions.AddColumn<Guid>("user_id").NotNull();
        sessions.AddColumn("started", "timestamptz").NotNull();
        sessions.AddColumn("remote_address", "text");
        sessions.AddColumn("revoked", "timestamptz");
        sessions.AddColumn("user_agent", "text");
        sessions.AddColumn("last_seen", "timestamptz");

        var tokens = options.AddReadModelTable("people_tokens")
            .WithIndex("people_tokens_workspace", ["workspace_id", "created"])
            .WithIndex("people_tokens_secret", ["secret_hash"], unique: true);
        tokens.AddColumn<Guid>("id").AsPrimaryKey();
        tokens.AddColumn<Guid>("workspace_id").NotNull();
        tokens.AddColumn<Guid>("user_id").NotNull();
        tokens.AddColumn("name", "text").NotNull();
        tokens.AddColumn("role", "text").NotNull();
        tokens.AddColumn("prefix", "text").NotNull();
        tokens.AddColumn("secret_hash", "text").NotNull();
        tokens.AddColumn("expires_at", "timestamptz");
        tokens.AddColumn("created", "timestamptz").NotNull();
        tokens.AddColumn("revoked", "boolean").NotNull().DefaultValueByExpression("false");
        tokens.AddColumn("server_capabilities", "text[]");

        var recoveryCodes = options.AddReadModelTable("people_recovery_codes");
        recoveryCodes.AddColumn<Guid>("user_id").AsPrimaryKey();
        recoveryCodes.AddColumn("number", "integer").AsPrimaryKey();
        recoveryCodes.AddColumn("code_hash", "text").NotNull();
        recoveryCodes.AddColumn("used", "boolean").NotNull().DefaultValueByExpression("false");

        var resets = options.AddReadModelTable("people_password_resets").WithIndex("people_password_resets_secret", ["secret_hash"], unique: true);
        resets.AddColumn<Guid>("id").AsPrimaryKey();
        resets.AddColumn<Guid>("workspace_id").NotNull();
        resets.AddColumn<Guid>("user_id").NotNull();
        resets.AddColumn("secret_hash", "text").NotNull();
        resets.AddColumn("expires_at", "timestamptz").NotNull();
        resets.AddColumn("used", "boolean").NotNull().DefaultValueByExpression("false");
        resets.AddColumn("created", "timestamptz").NotNull();
    }
}
