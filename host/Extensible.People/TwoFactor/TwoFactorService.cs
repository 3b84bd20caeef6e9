using System.Security.Cryptography;
using Extensible.EventStore;
using Extensible.People.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Extensible.People.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and ten one-time recovery codes. The key is kept
/// encrypted with Data Protection (whose keys live in PostgreSQL); recovery codes only as hashes.
/// </summary>
public sealed class TwoFactorService(EventStore.EventStore store, PeopleDirectory directory, PeopleService people, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Recovery codes made when two-factor sign-in is turned on.</summary>
    public const int RecoveryCodeCount = 10;

    private static readonly TimeSpan EnrollmentLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _keys = protection.CreateProtector("Extensible.People.TwoFactor.Key");
    private readonly ITimeLimitedDataProtector _enrollments = protection.CreateProtector("Extensible.People.TwoFactor.Enrollment").ToTimeLimitedDataProtector();

    /// <summary>A fresh key for <paramref name="email"/>'s authenticator; nothing is stored until <see cref="EnableAsync"/>.</summary>
    public TwoFactorEnrollment Begin(string email)
    {
        var key = RandomNumberGenerator.GetBytes(20);
        var text = Base32.Encode(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Extensible:" + email)}?secret={text}&issuer=Extensible&algorithm=SHA1&digits={Totp.Digits}&period={Totp.StepSeconds}";
        return new TwoFactorEnrollment(text, uri, _enrollments.Protect(text, clock.GetUtcNow() + EnrollmentLifetime));
    }

    /// <summary>
    /// Turns two-factor sign-in on once <paramref name="code"/> shows the authenticator has the key; returns the
    /// recovery codes, shown this once.
    /// </summary>
    /// <exception cref="PeopleValidationException">The code is wrong, the enrollment expired, or it is on already.</exception>
    public async Task<IReadOnlyList<string>> EnableAsync(Guid userId, string? sealedKey, string? code, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindUserAsync(userId, cancellationToken) ?? throw new PeopleValidationException("Code", "No such account.");
        if (user.HasTwoFactor)
        {
            throw new PeopleValidationException("Code", "Two-factor sign-in is on already.");
        }

        string keyText;
        try
        {
            keyText = _enrollments.Unprotect(sealedKey ?? "", out _);
        }
        catch (CryptographicException)
        {
            throw new PeopleValidationException("Code", "This key is too old or not ours: start again to get a new one.");
        }

        var key = Base32.Decode(keyText)!;
        var step = Totp.Match(key, Normalize(code), clock.GetUtcNow())
            ?? throw new PeopleValidationException("Code", "That code does not match: enter the 6 digits your app shows now.");

        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any,
            [new TwoFactorEnabled(userId, _keys.Protect(keyText), [.. codes.Select(c => Secrets.Hash(Normalize(c)!))]), new TwoFactorCodeUsed(userId, step)],
            new EventMetadata { Tenant = PeopleService.UsersTenant, User = user.Email }, cancellationToken);
        return codes;
    }

    /// <summary>Turns two-factor sign-in off; the password is needed.</summary>
    /// <exception cref="PeopleValidationException">Wrong password.</exception>
    public async Task DisableAsync(Guid userId, string? password, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindUserAsync(userId, cancellationToken) ?? throw new PeopleValidationException("Password", "No such account.");
        if (PeopleService.Hasher.VerifyHashedPassword("", user.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            throw new PeopleValidationException("Password", "That is not your password.");
        }

        if (user.HasTwoFactor)
        {
            await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any, [new TwoFactorDisabled(userId)],
                new EventMetadata { Tenant = PeopleService.UsersTenant, User = user.Email }, cancellationToken);
        }
    }

    /// <summary>
    /// The second step of signing in: a code from the authenticator (each time step once, one step of drift either
    /// way) or an unused recovery code. A right one starts the session; a wrong one counts toward the lockout.
    /// </summary>
    public async Task<SignInResult> CompleteSignInAsync(Guid userId, string? code, string? remoteAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var stream = PeopleStreams.User(userId);
        // Read the version first: a second use of the same code racing this one loses the append.
        var version = (await store.GetStreamAsync(stream, PeopleService.UsersTenant, cancellationToken))?.Version ?? 0;
        var user = await directory.FindUserAsync(userId, cancellationToken);
        if (user is null || !user.HasTwoFactor)
        {
            return SignInResult.Failed;
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return SignInResult.LockedOut(user.LockedUntil.Value);
        }

        var proof = await ProofAsync(user, Normalize(code), now, cancellationToken);
        if (proof is null)
        {
            return await people.FailSignInAsync(user, remoteAddress, cancellationToken);
        }

        var sessionId = Guid.CreateVersion7();
        try
        {
            await store.AppendAsync(stream, version,
                [proof, new LoginSucceeded(user.Id, sessionId, PeopleService.Clip(remoteAddress, 64), PeopleService.Clip(userAgent, 300))],
                new EventMetadata { Tenant = PeopleService.UsersTenant, User = user.Email }, cancellationToken);
        }
        catch (StreamConcurrencyException)
        {
            return SignInResult.Failed;
        }

        return SignInResult.Success(user, sessionId);
    }

    /// <summary>An owner or admin turns a member's two-factor sign-in off (a lost phone).</summary>
    /// <exception cref="PeopleValidationException">Not a member here, oneself, or someone who outranks the actor.</exception>
    public async Task ResetAsync(Guid workspaceId, Guid userId, Guid actorId, Role actorRole, string actor, CancellationToken cancellationToken = default)
    {
        await MemberGuard.EnsureMayManageAsync(directory, workspaceId, userId, actorId, actorRole, cancellationToken);
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any, [new MemberTwoFactorReset(workspaceId, userId)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = actor }, cancellationToken);
    }

    // The event that proves the second factor, or null when the code proves nothing.
    private async Task<object?> ProofAsync(UserRecord user, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return null;
        }

        if (code.Length == Totp.Digits)
        {
            byte[] key;
            try
            {
                key = Base32.Decode(_keys.Unprotect(user.TwoFactorKey!))!;
            }
            catch (CryptographicException)
            {
                // The data protection keys are gone (a restore without them): only recovery codes still work.
                return null;
            }

            return Totp.Match(key, code, now) is { } step && step > (user.TwoFactorLastStep ?? long.MinValue) ? new TwoFactorCodeUsed(user.Id, step) : null;
        }

        var hash = Secrets.Hash(code);
        var match = (await directory.UnusedRecoveryCodesAsync(user.Id, cancellationToken))
            .Where(c => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(c.Hash), Convert.FromHexString(hash)))
            .Select(c => (int?)c.Number).FirstOrDefault();
        return match is { } number ? new RecoveryCodeUsed(user.Id, number) : null;
    }

    // People type codes with spaces and dashes, in any case.
    private static string? Normalize(string? code)
    {
        var clean = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return clean.Length is 0 or > 64 ? null : clean;
    }

    // Ten letters and digits in two groups of five: xxxxx-xxxxx, about 50 bits.
    private static string NewRecoveryCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }
}
