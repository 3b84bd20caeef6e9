namespace Extensible.People.TwoFactor;

/// <summary>
/// A person turned two-factor sign-in on. The key is encrypted with ASP.NET Core Data Protection; the ten recovery
/// codes are kept only as hashes, in order (a used one is named by its number).
/// </summary>
public sealed record TwoFactorEnabled(Guid UserId, string ProtectedKey, IReadOnlyList<string> RecoveryCodeHashes);

/// <summary>A person turned two-factor sign-in off (with their password).</summary>
public sealed record TwoFactorDisabled(Guid UserId);

/// <summary>A code of this time step was accepted; it and every earlier one are refused from now on (no replay).</summary>
public sealed record TwoFactorCodeUsed(Guid UserId, long TimeStep);

/// <summary>Recovery code number <paramref name="Number"/> (0–9) was used in place of a code; it works only once.</summary>
public sealed record RecoveryCodeUsed(Guid UserId, int Number);

/// <summary>An owner or admin turned a member's two-factor sign-in off (a lost phone).</summary>
public sealed record MemberTwoFactorReset(Guid WorkspaceId, Guid UserId);
