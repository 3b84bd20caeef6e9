namespace Extensible.People.Tokens;

/// <summary>
/// A personal API token was created, scoped to a workspace and a role, and optionally some of its person's
/// server-wide capabilities; only its hash is kept.
/// </summary>
public sealed record ApiTokenCreated(Guid WorkspaceId, Guid TokenId, Guid UserId, string Name, Role Role, string Prefix, string SecretHash, DateTimeOffset? ExpiresAt)
{
    /// <summary>Server-wide capabilities (<see cref="Capabilities.Server"/>) the token carries as long as its person holds them.</summary>
    public IReadOnlyList<string>? ServerCapabilities { get; init; }
}

/// <summary>An API token was revoked.</summary>
public sealed record ApiTokenRevoked(Guid WorkspaceId, Guid TokenId);
