using Extensible.EventStore;
using Extensible.People.Tokens;
using Extensible.People.Users;
using Extensible.People.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Extensible.People;

/// <summary>
/// What people do to their accounts and workspaces. Every change is an event (tenant: the workspace for
/// workspace events, <see cref="UsersTenant"/> for accounts); the read model follows inline.
/// </summary>
public sealed class PeopleService(EventStore.EventStore store, PeopleDirectory directory, TimeProvider clock)
{
    /// <summary>The tenant of account streams, which span workspaces.</summary>
    public const string UsersTenant = "people";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int LockoutThreshold = 5;

    /// <summary>How long a locked account refuses sign-in.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The framework's password hasher (PBKDF2), shared by everything that checks or sets a password.</summary>
    internal static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Creates the owner's account and first workspace; only ever once.</summary>
    /// <exception cref="PeopleValidationException">Bad input, or the owner exists already.</exception>
    public async Task<(Guid UserId, Guid WorkspaceId)> SetUpAsync(string? email, string? displayName, string? password, string? workspaceName, CancellationToken cancellationToken = default)
    {
        var cleanEmail = Input.Email(email);
        var name = Input.Name(displayName, "Name");
        var secret = Input.Password(password);
        var workspace = Input.Name(workspaceName, "Workspace");
        var userId = Guid.CreateVersion7();
        try
        {
            await store.AppendAsync(
            [
                new StreamAppend("setup", ExpectedVersion.NoStream, [NewEvent.For(new SetupCompleted(userId))]),
                new StreamAppend(PeopleStreams.User(userId), ExpectedVersion.NoStream, [NewEvent.For(new UserRegistered(userId, cleanEmail, name, Hasher.HashPassword("", secret), IsOwner: true))], "user"),
            ], new EventMetadata { Tenant = UsersTenant, User = cleanEmail }, cancellationToken);
        }
        catch (StreamConcurrencyException)
        {
            throw new PeopleValidationException("Email", "Extensible is already set up: sign in instead.");
        }

        var workspaceId = await CreateWorkspaceAsync(workspace, userId, cleanEmail, cancellationToken);
        return (userId, workspaceId);
    }

    /// <summary>Creates a workspace with <paramref name="ownerId"/> as its owner.</summary>
    public async Task<Guid> CreateWorkspaceAsync(string? name, Guid ownerId, string actor, CancellationToken cancellationToken = default)
    {
        var clean = Input.Name(name, "Workspace");
        var workspaceId = Guid.CreateVersion7();
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.NoStream,
            [new WorkspaceCreated(workspaceId, clean, ownerId), new MemberAdded(workspaceId, ownerId, Role.Owner)],
            Workspace(workspaceId, actor), cancellationToken);
        return workspaceId;
    }

    /// <summary>Renames a workspace.</summary>
    public Task RenameWorkspaceAsync(Guid workspaceId, string? name, string actor, CancellationToken cancellationToken = default) =>
        store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any, [new WorkspaceRenamed(workspaceId, Input.Name(name, "Workspace"))], Workspace(workspaceId, actor), cancellationToken);

    /// <summary>Checks a password; counts failures and locks the account after <see cref="LockoutThreshold"/> in a row.</summary>
    public Task<SignInResult> SignInAsync(string? email, string? password, string? remoteAddress, CancellationToken cancellationToken = default) =>
        SignInAsync(email, password, remoteAddress, null, cancellationToken);

    /// <summary>
    /// Checks a password; counts failures and locks the account after <see cref="LockoutThreshold"/> in a row. For a
    /// person with two-factor sign-in on, a right password starts no session: the result asks for the second step
    /// (<see cref="TwoFactor.TwoFactorService.CompleteSignInAsync"/>), and the failure count stays until it passes.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, string? remoteAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await directory.FindUserByEmailAsync(email.Trim(), cancellationToken);
        if (user is null || string.IsNullOrEmpty(password))
        {
            return SignInResult.Failed;
        }

        if (user.LockedUntil > clock.GetUtcNow())
        {
            return SignInResult.LockedOut(user.LockedUntil.Value);
        }

        if (Hasher.VerifyHashedPassword("", user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return await FailSignInAsync(user, remoteAddress, cancellationToken);
        }

        if (user.HasTwoFactor)
        {
            return SignInResult.TwoFactorRequired(user);
        }

        var sessionId = Guid.CreateVersion7();
        await store.AppendAsync(PeopleStreams.User(user.Id), ExpectedVersion.Any, [new LoginSucceeded(user.Id, sessionId, Clip(remoteAddress, 64), Clip(userAgent, 300))],
            new EventMetadata { Tenant = UsersTenant, User = user.Email }, cancellationToken);
        return SignInResult.Success(user, sessionId);
    }

    /// <summary>Counts a wrong password or code and locks the account at <see cref="LockoutThreshold"/> in a row.</summary>
    internal async Task<SignInResult> FailSignInAsync(UserRecord user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var failed = user.FailedLogins + 1;
        List<object> events = [new LoginFailed(user.Id, failed, Clip(remoteAddress, 64))];
        if (failed >= LockoutThreshold)
        {
            events.Add(new UserLockedOut(user.Id, now + LockoutDuration));
        }

        await store.AppendAsync(PeopleStreams.User(user.Id), ExpectedVersion.Any, events, new EventMetadata { Tenant = UsersTenant, User = user.Email }, cancellationToken);
        return failed >= LockoutThreshold ? SignInResult.LockedOut(now + LockoutDuration) : SignInResult.Failed;
    }

    // Headers come from the public: kept, but never longer than a list of sessions can show.
    internal static string? Clip(string? value, int max) => value is null ? null : value[..Math.Min(max, value.Length)];

    /// <summary>Ends a session (sign-out or revocation).</summary>
    public Task RevokeSessionAsync(Guid userId, Guid sessionId, string actor, CancellationToken cancellationToken = default) =>
        store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any, [new SessionRevoked(userId, sessionId)], new EventMetadata { Tenant = UsersTenant, User = actor }, cancellationToken);

    /// <summary>Invites someone by link; returns the link's secret, shown once.</summary>
    public async Task<string> InviteAsync(Guid workspaceId, string? email, Role role, Role inviterRole, string actor, CancellationToken cancellationToken = default)
    {
        var clean = Input.Email(email);
        GuardGrant(role, inviterRole);
        if ((await directory.MembersAsync(workspaceId, cancellationToken)).Any(m => string.Equals(m.Email, clean, StringComparison.OrdinalIgnoreCase)))
        {
            throw new PeopleValidationException("Email", $"{clean} is already a member of this workspace.");
        }

        var secret = Secrets.New();
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any,
            [new MemberInvited(workspaceId, Guid.CreateVersion7(), clean, role, Secrets.Hash(secret), clock.GetUtcNow().AddDays(7))],
            Workspace(workspaceId, actor), cancellationToken);
        return secret;
    }

    /// <summary>Withdraws one of the workspace's pending invitations.</summary>
    /// <exception cref="PeopleValidationException">The workspace has no such pending invitation (another workspace's is no exception).</exception>
    public async Task RevokeInvitationAsync(Guid workspaceId, Guid invitationId, string actor, CancellationToken cancellationToken = default)
    {
        if (!(await directory.PendingInvitationsAsync(workspaceId, cancellationToken)).Any(i => i.Id == invitationId))
        {
            throw new PeopleValidationException("Invitation", "This workspace has no such pending invitation.");
        }

        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any, [new InvitationRevoked(workspaceId, invitationId)], Workspace(workspaceId, actor), cancellationToken);
    }

    /// <summary>
    /// Takes up an invitation for someone without an account: creates it with the given name and password and joins the
    /// workspace. Returns the user's id. When the invited email has an account, nothing is checked here: its person signs
    /// in (where wrong passwords count toward the lockout and two-factor sign-in applies) and joins with
    /// <see cref="JoinInvitationAsync"/>.
    /// </summary>
    /// <exception cref="PeopleValidationException">The invitation is not valid, the input is bad, or the account exists.</exception>
    public async Task<Guid> AcceptInvitationAsync(string secret, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var invitation = await UsableInvitationAsync(secret, cancellationToken);
        if (await directory.FindUserByEmailAsync(invitation.Email, cancellationToken) is not null)
        {
            throw new PeopleValidationException("Account", $"An account for {invitation.Email} exists: sign in with it, then open the invitation link again to join.");
        }

        var name = Input.Name(displayName, "Name");
        var secretPassword = Input.Password(password);
        var userId = Guid.CreateVersion7();
        await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.NoStream,
            [new UserRegistered(userId, invitation.Email, name, Hasher.HashPassword("", secretPassword), IsOwner: false)],
            new EventMetadata { Tenant = UsersTenant, User = invitation.Email }, cancellationToken);
        await JoinAsync(invitation, userId, cancellationToken);
        return userId;
    }

    /// <summary>Takes up an invitation for a signed-in person: <paramref name="userId"/> must be the account of the invited email.</summary>
    /// <exception cref="PeopleValidationException">The invitation is not valid, or it is for another email.</exception>
    public async Task JoinInvitationAsync(string secret, Guid userId, CancellationToken cancellationToken = default)
    {
        var invitation = await UsableInvitationAsync(secret, cancellationToken);
        var user = await directory.FindUserAsync(userId, cancellationToken);
        if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new PeopleValidationException("Account", $"This invitation is for {invitation.Email}: sign in with that account to join.");
        }

        await JoinAsync(invitation, userId, cancellationToken);
    }

    private async Task<InvitationRecord> UsableInvitationAsync(string secret, CancellationToken cancellationToken)
    {
        var invitation = await directory.FindInvitationAsync(secret, cancellationToken);
        return invitation is { Accepted: false, Revoked: false } && invitation.ExpiresAt > clock.GetUtcNow()
            ? invitation
            : throw new PeopleValidationException("Invitation", "This invitation link is not valid any more: ask for a new one.");
    }

    private async Task JoinAsync(InvitationRecord invitation, Guid userId, CancellationToken cancellationToken) =>
        await store.AppendAsync(PeopleStreams.Workspace(invitation.WorkspaceId), ExpectedVersion.Any,
            [new MemberAdded(invitation.WorkspaceId, userId, invitation.Role), new InvitationAccepted(invitation.WorkspaceId, invitation.Id, userId)],
            Workspace(invitation.WorkspaceId, invitation.Email), cancellationToken);

    /// <summary>
    /// Changes a member's role; an owner is needed to make or unmake owners, and the last owner stays even when two
    /// changes race (each decides on the members as of the workspace stream's version and appends at that version).
    /// </summary>
    public Task ChangeRoleAsync(Guid workspaceId, Guid userId, Role to, Role changerRole, string actor, CancellationToken cancellationToken = default) =>
        DecideOnMembersAsync(workspaceId, actor, members =>
        {
            var member = members.FirstOrDefault(m => m.UserId == userId)
                ?? throw new PeopleValidationException("Member", "That person is not a member of this workspace.");
            GuardGrant(to, changerRole);
            GuardGrant(member.Role, changerRole);
            if (member.Role == Role.Owner && to != Role.Owner && members.Count(m => m.Role == Role.Owner) == 1)
            {
                throw new PeopleValidationException("Role", "A workspace keeps at least one owner.");
            }

            return member.Role == to ? [] : [new MemberRoleChanged(workspaceId, userId, member.Role, to)];
        }, cancellationToken);

    /// <summary>Removes a member (not the last owner, even when two removals race).</summary>
    public Task RemoveMemberAsync(Guid workspaceId, Guid userId, Role removerRole, string actor, CancellationToken cancellationToken = default) =>
        DecideOnMembersAsync(workspaceId, actor, members =>
        {
            var member = members.FirstOrDefault(m => m.UserId == userId)
                ?? throw new PeopleValidationException("Member", "That person is not a member of this workspace.");
            GuardGrant(member.Role, removerRole);
            if (member.Role == Role.Owner && members.Count(m => m.Role == Role.Owner) == 1)
            {
                throw new PeopleValidationException("Role", "A workspace keeps at least one owner.");
            }

            return [new MemberRemoved(workspaceId, userId)];
        }, cancellationToken);

    /// <summary>
    /// Reads the workspace stream's version, then its members (the inline read model is at least that new), decides,
    /// and appends at that version. A change that raced in between makes the append fail; the decision is then taken
    /// again on the members as they are now.
    /// </summary>
    private async Task DecideOnMembersAsync(Guid workspaceId, string actor, Func<IReadOnlyList<MemberRecord>, object[]> decide, CancellationToken cancellationToken)
    {
        var stream = PeopleStreams.Workspace(workspaceId);
        for (var attempt = 1; ; attempt++)
        {
            var version = (await store.GetStreamAsync(stream, workspaceId.ToString(), cancellationToken))?.Version ?? ExpectedVersion.NoStream;
            var events = decide(await directory.MembersAsync(workspaceId, cancellationToken));
            if (events.Length == 0)
            {
                return;
            }

            try
            {
                await store.AppendAsync(stream, version, events, Workspace(workspaceId, actor), cancellationToken);
                return;
            }
            catch (StreamConcurrencyException) when (attempt < 5)
            {
                // Someone else changed the workspace first: decide again on what it is now.
            }
        }
    }

    /// <summary>Creates a personal API token scoped to a workspace and a role whose capabilities the person's own role holds; returns it, shown once.</summary>
    public Task<string> CreateApiTokenAsync(Guid workspaceId, Guid userId, string? name, Role role, Role ownRole, string actor, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        CreateApiTokenAsync(workspaceId, userId, name, role, ownRole, [], new HashSet<string>(), actor, expiresAt, cancellationToken);

    /// <summary>
    /// Creates a personal API token scoped to a workspace, a role and some server-wide capabilities; returns it, shown
    /// once. Everything it carries must be held by its creator now: <paramref name="role"/>'s capabilities by
    /// <paramref name="ownRole"/>, <paramref name="serverCapabilities"/> by <paramref name="heldCapabilities"/>.
    /// </summary>
    /// <exception cref="PeopleValidationException">A bad name, or more than the creator holds.</exception>
    public async Task<string> CreateApiTokenAsync(Guid workspaceId, Guid userId, string? name, Role role, Role ownRole, IReadOnlyCollection<string> serverCapabilities,
        IReadOnlySet<string> heldCapabilities, string actor, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var clean = Input.Name(name, "Name", 80);
        if (!Capabilities.Covers(ownRole, role))
        {
            throw new PeopleValidationException("Role", $"Your role ({ownRole}) does not hold everything a {role} may do, so a token cannot either.");
        }

        if (serverCapabilities.FirstOrDefault(c => !Capabilities.Server.Contains(c)) is { } unknown)
        {
            throw new PeopleValidationException("ServerCapabilities", $"'{unknown}' is not a server capability: use {string.Join(" or ", Capabilities.Server)}.");
        }

        if (serverCapabilities.FirstOrDefault(c => !heldCapabilities.Contains(c)) is { } notHeld)
        {
            throw new PeopleValidationException("ServerCapabilities", $"You do not hold '{notHeld}', so a token of yours cannot either.");
        }

        var prefix = Secrets.New(6);
        var token = $"ext_{prefix}_{Secrets.New()}";
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any,
            [new ApiTokenCreated(workspaceId, Guid.CreateVersion7(), userId, clean, role, prefix, Secrets.Hash(token), expiresAt) { ServerCapabilities = [.. serverCapabilities.Distinct()] }],
            Workspace(workspaceId, actor), cancellationToken);
        return token;
    }

    /// <summary>
    /// Creates an owner token with a value chosen by the operator (unattended installs); it carries the server
    /// operator's capabilities too. Its listed prefix is random, never part of the value.
    /// </summary>
    public async Task CreateApiTokenWithValueAsync(Guid workspaceId, Guid userId, string token, string actor, CancellationToken cancellationToken)
    {
        if (token.Length < 24 || token.Any(char.IsWhiteSpace))
        {
            throw new PeopleValidationException("ApiToken", "Extensible__Bootstrap__ApiToken must be at least 24 characters without spaces.");
        }

        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any,
            [new ApiTokenCreated(workspaceId, Guid.CreateVersion7(), userId, "bootstrap", Role.Owner, Secrets.New(6), Secrets.Hash(token), null) { ServerCapabilities = Capabilities.Server }],
            Workspace(workspaceId, actor), cancellationToken);
    }

    /// <summary>Revokes an API token.</summary>
    public Task RevokeApiTokenAsync(Guid workspaceId, Guid tokenId, string actor, CancellationToken cancellationToken = default) =>
        store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any, [new ApiTokenRevoked(workspaceId, tokenId)], Workspace(workspaceId, actor), cancellationToken);

    /// <summary>
    /// Revokes another member's API token: as with their sign-in, only someone whose roles hold all of the token
    /// owner's, here and in every workspace they share, may (only owners act on owners).
    /// </summary>
    /// <exception cref="PeopleValidationException">The actor may not act on the token's owner.</exception>
    public async Task RevokeMemberApiTokenAsync(Guid workspaceId, TokenRecord token, Guid actorId, Role actorRole, string actor, CancellationToken cancellationToken = default)
    {
        // A token of someone no longer a member works no more; withdrawing it harms nobody.
        if ((await directory.MembersAsync(workspaceId, cancellationToken)).Any(m => m.UserId == token.UserId))
        {
            await MemberGuard.EnsureMayManageAsync(directory, workspaceId, token.UserId, actorId, actorRole, cancellationToken);
        }

        await RevokeApiTokenAsync(workspaceId, token.Id, actor, cancellationToken);
    }

    private static EventMetadata Workspace(Guid workspaceId, string actor) => new() { Tenant = workspaceId.ToString(), User = actor };

    // Nobody hands out a capability they do not hold (so only owners make owners).
    private static void GuardGrant(Role role, Role granterRole)
    {
        if (!Capabilities.Covers(granterRole, role))
        {
            throw new PeopleValidationException("Role", $"Your role cannot grant or change the {role} role.");
        }
    }
}
