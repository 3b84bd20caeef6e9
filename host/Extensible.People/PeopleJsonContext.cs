using System.Text.Json.Serialization;
using Extensible.People.Passwords;
using Extensible.People.Server;
using Extensible.People.Sessions;
using Extensible.People.Tokens;
using Extensible.People.TwoFactor;
using Extensible.People.Users;
using Extensible.People.Workspaces;

namespace Extensible.People;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(UserRegistered))]
[JsonSerializable(typeof(SetupCompleted))]
[JsonSerializable(typeof(LoginSucceeded))]
[JsonSerializable(typeof(LoginFailed))]
[JsonSerializable(typeof(UserLockedOut))]
[JsonSerializable(typeof(SessionRevoked))]
[JsonSerializable(typeof(PasswordChanged))]
[JsonSerializable(typeof(WorkspaceCreated))]
[JsonSerializable(typeof(WorkspaceRenamed))]
[JsonSerializable(typeof(MemberAdded))]
[JsonSerializable(typeof(MemberInvited))]
[JsonSerializable(typeof(InvitationAccepted))]
[JsonSerializable(typeof(InvitationRevoked))]
[JsonSerializable(typeof(MemberRoleChanged))]
[JsonSerializable(typeof(MemberRemoved))]
[JsonSerializable(typeof(ApiTokenCreated))]
[JsonSerializable(typeof(ApiTokenRevoked))]
[JsonSerializable(typeof(TwoFactorEnabled))]
[JsonSerializable(typeof(TwoFactorDisabled))]
[JsonSerializable(typeof(TwoFactorCodeUsed))]
[JsonSerializable(typeof(RecoveryCodeUsed))]
[JsonSerializable(typeof(MemberTwoFactorReset))]
[JsonSerializable(typeof(PasswordResetLinkCreated))]
[JsonSerializable(typeof(PasswordResetLinkUsed))]
[JsonSerializable(typeof(MemberSignedOutEverywhere))]
[JsonSerializable(typeof(ServerOperatorNamed))]
[JsonSerializable(typeof(ServerOperatorRemoved))]
internal sealed partial class PeopleJsonContext : JsonSerializerContext;
