namespace Extensible.People.Tokens;

/// <summary>A personal API token was created, scoped to a workspace and a role; only its hash is kept.</summary>
public sealed record ApiTokenCreated(Guid WorkspaceId, Guid TokenId, Guid UserId, string Name, Role Role, string Prefix, string SecretHash, DateTimeOffset? ExpiresAt);

/// <summary>An API token was revoked.</summary>
public sealed record ApiTokenRevoked(Guid WorkspaceId, Guid TokenId);
