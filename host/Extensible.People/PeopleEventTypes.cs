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
        .Register("api_token_revoked", PeopleJsonContext.Default.ApiTokenRevoked);
}
