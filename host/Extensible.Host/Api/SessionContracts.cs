namespace Extensible.Host.Api;

/// <summary>A console session of the caller that has not ended.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="Started">When the person signed in.</param>
/// <param name="RemoteAddress">The address they signed in from.</param>
/// <param name="UserAgent">The browser's user agent at sign-in.</param>
/// <param name="LastSeen">When the session was last used, to a few minutes; null before its first use after sign-in.</param>
/// <param name="Current">Whether this call came with this session's cookie.</param>
public sealed record SessionResponse(Guid Id, DateTimeOffset Started, string? RemoteAddress, string? UserAgent, DateTimeOffset? LastSeen, bool Current);

/// <summary>A password reset link just made for a member; <paramref name="Link"/> is shown this once.</summary>
/// <param name="UserId">The member's id.</param>
/// <param name="ExpiresAt">When the link stops working (it also stops once used).</param>
/// <param name="Link">The link's path on this server; only its hash is stored.</param>
public sealed record PasswordResetResponse(Guid UserId, DateTimeOffset ExpiresAt, string Link);
