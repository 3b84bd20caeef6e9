using Extensible.EventStore;
using Extensible.People.Users;
using Microsoft.AspNetCore.Identity;

namespace Extensible.People.Passwords;

/// <summary>Changing one's password, and the one-time reset links owners and admins make for members.</summary>
public sealed class PasswordService(EventStore.EventStore store, PeopleDirectory directory, TimeProvider clock)
{
    /// <summary>How long a reset link works.</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Changes a signed-in person's password; the current one is needed. Their other sessions end; the one in
    /// <paramref name="keepSessionId"/> goes on.
    /// </summary>
    /// <exception cref="PeopleValidationException">Wrong current password, or a new one that is too short or long.</exception>
    public async Task ChangeAsync(Guid userId, string? currentPassword, string? newPassword, Guid? keepSessionId, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindUserAsync(userId, cancellationToken) ?? throw new PeopleValidationException("CurrentPassword", "No such account.");
        if (PeopleService.Hasher.VerifyHashedPassword("", user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new PeopleValidationException("CurrentPassword", "That is not your current password.");
        }

        var password = Input.Password(newPassword);
        List<object> events = [new PasswordChanged(userId, PeopleService.Hasher.HashPassword("", password))];
        events.AddRange((await directory.SessionsOfAsync(userId, cancellationToken)).Where(s => s.Id != keepSessionId).Select(s => new SessionRevoked(userId, s.Id)));
        await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any, events, new EventMetadata { Tenant = PeopleService.UsersTenant, User = user.Email }, cancellationToken);
    }

    /// <summary>
    /// Makes a one-time link for a member to set a new password, valid <see cref="ResetLinkLifetime"/>; returns its
    /// secret, shown once. Nobody resets someone who outranks them (here or in another workspace), nor themselves.
    /// </summary>
    /// <exception cref="PeopleValidationException">Not a member here, oneself, or someone who outranks the actor.</exception>
    public async Task<(string Secret, DateTimeOffset ExpiresAt)> CreateResetLinkAsync(Guid workspaceId, Guid userId, Guid actorId, Role actorRole, string actor, CancellationToken cancellationToken = default)
    {
        await MemberGuard.EnsureMayManageAsync(directory, workspaceId, userId, actorId, actorRole, cancellationToken);
        var secret = Secrets.New();
        var expiresAt = clock.GetUtcNow() + ResetLinkLifetime;
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any,
            [new PasswordResetLinkCreated(workspaceId, Guid.CreateVersion7(), userId, Secrets.Hash(secret), expiresAt)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = actor }, cancellationToken);
        return (secret, expiresAt);
    }

    /// <summary>The reset link of <paramref name="secret"/> while it still works, else null.</summary>
    public async Task<PasswordResetRecord?> FindUsableResetAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }

        var reset = await directory.FindPasswordResetAsync(secret, cancellationToken);
        return reset is { Used: false } && reset.ExpiresAt > clock.GetUtcNow() ? reset : null;
    }

    /// <summary>Sets a new password through a reset link; the link then works no more, and every session of the person ends.</summary>
    /// <exception cref="PeopleValidationException">The link is used, expired or unknown, or the password is too short or long.</exception>
    public async Task ResetAsync(string? secret, string? newPassword, CancellationToken cancellationToken = default)
    {
        var stale = new PeopleValidationException("Link", "This reset link does not work any more: ask an owner or admin for a new one.");
        var reset = await FindUsableResetAsync(secret, cancellationToken) ?? throw stale;
        var password = Input.Password(newPassword);
        var stream = PeopleStreams.User(reset.UserId);
        var version = (await store.GetStreamAsync(stream, PeopleService.UsersTenant, cancellationToken))?.Version ?? ExpectedVersion.NoStream;
        // Read again after taking the version: a use that committed in between is seen, one racing this loses the append.
        if (await FindUsableResetAsync(secret, cancellationToken) is null)
        {
            throw stale;
        }

        try
        {
            await store.AppendAsync(stream, version,
                [new PasswordChanged(reset.UserId, PeopleService.Hasher.HashPassword("", password)), new PasswordResetLinkUsed(reset.UserId, reset.Id)],
                new EventMetadata { Tenant = PeopleService.UsersTenant, User = reset.Email }, cancellationToken);
        }
        catch (StreamConcurrencyException)
        {
            throw stale;
        }
    }
}
