namespace Extensible.People.Workspaces;

/// <summary>A workspace (one brand or client) was created.</summary>
public sealed record WorkspaceCreated(Guid WorkspaceId, string Name, Guid CreatedBy);

/// <summary>A workspace was renamed.</summary>
public sealed record WorkspaceRenamed(Guid WorkspaceId, string Name);

/// <summary>A person became a member of a workspace with a role.</summary>
public sealed record MemberAdded(Guid WorkspaceId, Guid UserId, Role Role);

/// <summary>A person was invited by link; only the hash of the link's secret is kept.</summary>
public sealed record MemberInvited(Guid WorkspaceId, Guid InvitationId, string Email, Role Role, string SecretHash, DateTimeOffset ExpiresAt);

/// <summary>An invitation was taken up.</summary>
public sealed record InvitationAccepted(Guid WorkspaceId, Guid InvitationId, Guid UserId);

/// <summary>An invitation was withdrawn before it was taken up.</summary>
public sealed record InvitationRevoked(Guid WorkspaceId, Guid InvitationId);

/// <summary>A member's role changed.</summary>
public sealed record MemberRoleChanged(Guid WorkspaceId, Guid UserId, Role From, Role To);

/// <summary>A member left or was removed.</summary>
public sealed record MemberRemoved(Guid WorkspaceId, Guid UserId);
