namespace Extensible.People;

/// <summary>How a sign-in went.</summary>
public sealed record SignInResult(bool Succeeded, bool IsLockedOut, DateTimeOffset? LockedUntil, UserRecord? User, Guid SessionId)
{
    /// <summary>Wrong email or password (never says which).</summary>
    public static SignInResult Failed { get; } = new(false, false, null, null, Guid.Empty);

    /// <summary>The account is locked.</summary>
    public static SignInResult LockedOut(DateTimeOffset until) => new(false, true, until, null, Guid.Empty);

    /// <summary>The password was right, and the person's second factor is asked for next; no session yet.</summary>
    public bool RequiresTwoFactor { get; init; }

    /// <summary>The password was right; a code from the person's authenticator (or a recovery code) must follow.</summary>
    public static SignInResult TwoFactorRequired(UserRecord user) => new(false, false, null, user, Guid.Empty) { RequiresTwoFactor = true };

    /// <summary>Signed in with a new session.</summary>
    public static SignInResult Success(UserRecord user, Guid sessionId) => new(true, false, null, user, sessionId);
}
