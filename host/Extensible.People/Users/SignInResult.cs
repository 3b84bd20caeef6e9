namespace Extensible.People;

/// <summary>How a sign-in went.</summary>
public sealed record SignInResult(bool Succeeded, bool IsLockedOut, DateTimeOffset? LockedUntil, UserRecord? User, Guid SessionId)
{
    /// <summary>Wrong email or password (never says which).</summary>
    public static SignInResult Failed { get; } = new(false, false, null, null, Guid.Empty);

    /// <summary>The account is locked.</summary>
    public static SignInResult LockedOut(DateTimeOffset until) => new(false, true, until, null, Guid.Empty);

    /// <summary>Signed in with a new session.</summary>
    public static SignInResult Success(UserRecord user, Guid sessionId) => new(true, false, null, user, sessionId);
}
