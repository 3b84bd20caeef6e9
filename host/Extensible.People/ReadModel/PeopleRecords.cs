namespace Extensible.People;

/// <summary>A person's account as the console shows it.</summary>
public sealed record UserRecord(Guid Id, string Email, string DisplayName, bool IsOwner, int FailedLogins, DateTimeOffset? LockedUntil)
{
    /// <summary>Whether the person operates the server (plugins, server settings, other operators).</summary>
    public bool IsOperator { get; init; }

    internal string PasswordHash { get; init; } = "";

    /// <summary>Whether signing in asks for a two-factor code after the password.</summary>
    public bool HasTwoFactor => TwoFactorKey is not null;

    internal string? TwoFactorKey { get; init; }

    internal long? TwoFactorLastStep { get; init; }
}

/// <summary>A workspace the person belongs to, with their role in it.</summary>
public sealed record WorkspaceMembership(Guid WorkspaceId, string WorkspaceName, Role Role);

/// <summary>A member of a workspace.</summary>
public sealed record MemberRecord(Guid UserId, string Email, string DisplayName, Role Role, DateTimeOffset Joined);

/// <summary>An invitation not yet taken up.</summary>
public sealed record InvitationRecord(Guid Id, Guid WorkspaceId, string WorkspaceName, string Email, Role Role, DateTimeOffset ExpiresAt, bool Accepted, bool Revoked);

/// <summary>A personal API token (never its secret).</summary>
public sealed record TokenRecord(Guid Id, Guid WorkspaceId, Guid UserId, string Name, Role Role, string Prefix, DateTimeOffset Created, DateTimeOffset? ExpiresAt, bool Revoked)
{
    /// <summary>The server-wide capabilities the token was given (it uses them only while its person holds them).</summary>
    public IReadOnlyList<string> ServerCapabilities { get; init; } = [];
}

/// <summary>
/// Who an API token speaks for, and what it may do now: <paramref name="Role"/> is what both the token's role and its
/// person's current role allow; <paramref name="ServerCapabilities"/> those the token was given that its person still holds.
/// </summary>
public sealed record TokenIdentity(Guid TokenId, Guid UserId, string Email, string DisplayName, Guid WorkspaceId, string WorkspaceName, Role Role)
{
    /// <summary>The server-wide capabilities the token carries that its person still holds.</summary>
    public IReadOnlyList<string> ServerCapabilities { get; init; } = [];

    /// <summary>Whether the token's person operates the server.</summary>
    public bool PersonIsOperator { get; init; }
}

/// <summary>A server operator.</summary>
public sealed record OperatorRecord(Guid Id, string Email, string DisplayName);

/// <summary>One line of the audit trail.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset Timestamp, string Type, string StreamId, string? User, string Data);

/// <summary>A page of the audit trail, newest first; <see cref="Before"/> fetches the next page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Before);

/// <summary>A sign-in session that has not ended; <paramref name="LastSeen"/> is when it was last used, to a few minutes.</summary>
public sealed record SessionRecord(Guid Id, Guid UserId, DateTimeOffset Started, string? RemoteAddress, string? UserAgent, DateTimeOffset? LastSeen);

/// <summary>A password reset link (never its secret), whatever its state.</summary>
public sealed record PasswordResetRecord(Guid Id, Guid WorkspaceId, Guid UserId, string Email, DateTimeOffset ExpiresAt, bool Used);
