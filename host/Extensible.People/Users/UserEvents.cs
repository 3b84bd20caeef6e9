namespace Extensible.People.Users;

/// <summary>A person got an account. The first one is the owner who set Extensible up.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, string PasswordHash, bool IsOwner);

/// <summary>A person signed in, starting a session; the browser's user agent names it in their list of sessions.</summary>
public sealed record LoginSucceeded(Guid UserId, Guid SessionId, string? RemoteAddress, string? UserAgent = null);

/// <summary>A sign-in with a wrong password or two-factor code; <paramref name="FailedCount"/> in a row.</summary>
public sealed record LoginFailed(Guid UserId, int FailedCount, string? RemoteAddress);

/// <summary>Too many failed sign-ins: the account refuses sign-in until <paramref name="Until"/>.</summary>
public sealed record UserLockedOut(Guid UserId, DateTimeOffset Until);

/// <summary>A session ended, by sign-out or revocation.</summary>
public sealed record SessionRevoked(Guid UserId, Guid SessionId);

/// <summary>A person changed their password (or set it through a reset link).</summary>
public sealed record PasswordChanged(Guid UserId, string PasswordHash);

/// <summary>The first owner set Extensible up; a second setup loses the race on this event's stream.</summary>
public sealed record SetupCompleted(Guid OwnerId);
