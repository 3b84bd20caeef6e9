using Extensible.EventStore;

namespace Extensible.People;

/// <summary>The people feature's event aliases.</summary>
internal static class PeopleEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register("setup_completed", PeopleJsonContext.Default.SetupCompleted)
        .Register("user_registered", PeopleJsonContext.Default.UserRegistered)
        .Register("login_succeeded", PeopleJsonContext.Default.LoginSucceeded)
        .Register("login_failed", PeopleJsonContext.Default.LoginFailed)
        .Register("user_locked_out", PeopleJsonContext.Default.UserLockedOut)
        .Register("session_revoked", PeopleJsonContext.Default.SessionRevoked)
        .Register("password_changed", PeopleJsonContext.Default.PasswordChanged)
        .Register("workspace_created", PeopleJsonContext.Default.WorkspaceCreated)
        .Register("workspace_renamed", PeopleJsonContext.Default.WorkspaceRenamed)
        .Register("member_added", PeopleJsonContext.Default.MemberAdded)
        .Register("member_invited", PeopleJsonContext.Default.MemberInvited)
        .Register("invitation_accepted", PeopleJsonContext.Default.InvitationAccepted)
        .Register("invitation_revoked", PeopleJsonContext.Default.InvitationRevoked)
        .Register("member_role_changed", PeopleJsonContext.Default.MemberRoleChanged)
        .Register("member_removed", PeopleJsonContext.Default.MemberRemoved)
        .Register("api_token_created", PeopleJsonContext.Default.ApiTokenCreated)
        .Register("api_token_revoked", PeopleJsonContext.Default.ApiTokenRevoked)
        .Register("two_factor_enabled", PeopleJsonContext.Default.TwoFactorEnabled)
        .Register("two_factor_disabled", PeopleJsonContext.Default.TwoFactorDisabled)
        .Register("two_factor_code_used", PeopleJsonContext.Default.TwoFactorCodeUsed)
        .Register("recovery_code_used", PeopleJsonContext.Default.RecoveryCodeUsed)
        .Register("member_two_factor_reset", PeopleJsonContext.Default.MemberTwoFactorReset)
        .Register("password_reset_link_created", PeopleJsonContext.Default.PasswordResetLinkCreated)
        .Register("password_reset_link_used", PeopleJsonContext.Default.PasswordResetLinkUsed)
        .Register("member_signed_out_everywhere", PeopleJsonContext.Default.MemberSignedOutEverywhere)
        .Register("server_operator_named", PeopleJsonContext.Default.ServerOperatorNamed)
        .Register("server_operator_removed", PeopleJsonContext.Default.ServerOperatorRemoved);
}
