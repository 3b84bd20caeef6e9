namespace Extensible.People.Sessions;

/// <summary>An owner or admin ended every session of a member ("sign out everywhere").</summary>
public sealed record MemberSignedOutEverywhere(Guid WorkspaceId, Guid UserId);
