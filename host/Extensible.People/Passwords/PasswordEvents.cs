namespace Extensible.People.Passwords;

/// <summary>An owner or admin made a one-time link for a member to set a new password; only its hash is kept.</summary>
public sealed record PasswordResetLinkCreated(Guid WorkspaceId, Guid ResetId, Guid UserId, string SecretHash, DateTimeOffset ExpiresAt);

/// <summary>A reset link was used: it works no more, and every session of the person ended.</summary>
public sealed record PasswordResetLinkUsed(Guid UserId, Guid ResetId);
