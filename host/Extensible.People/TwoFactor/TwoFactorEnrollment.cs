namespace Extensible.People.TwoFactor;

/// <summary>
/// A new authenticator key, not yet turned on: <see cref="Key"/> to type into an app, <see cref="Uri"/> for apps that
/// take an <c>otpauth://</c> link, and <see cref="Sealed"/>, the key encrypted for the confirming form (valid 15 minutes).
/// </summary>
public sealed record TwoFactorEnrollment(string Key, string Uri, string Sealed);
