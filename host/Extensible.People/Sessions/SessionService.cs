using Extensible.EventStore;
using Extensible.People.Users;

namespace Extensible.People.Sessions;

/// <summary>A person's sign-in sessions: ending one or all others, and owners and admins signing a member out everywhere.</summary>
public sealed class SessionService(EventStore.EventStore store, PeopleDirectory directory)
{
    /// <summary>Ends one of the person's own sessions; false when they have no such active session.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, string actor, CancellationToken cancellationToken = default)
    {
        if (!(await directory.SessionsOfAsync(userId, cancellationToken)).Any(s => s.Id == sessionId))
        {
            return false;
        }

        await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any, [new SessionRevoked(userId, sessionId)],
            new EventMetadata { Tenant = PeopleService.UsersTenant, User = actor }, cancellationToken);
        return true;
    }

    /// <summary>Ends every session of the person but <paramref name="keepSessionId"/>; returns how many ended.</summary>
    public async Task<int> RevokeOthersAsync(Guid userId, Guid? keepSessionId, string actor, CancellationToken cancellationToken = default)
    {
        var others = (await directory.SessionsOfAsync(userId, cancellationToken)).Where(s => s.Id != keepSessionId).ToList();
        if (others.Count > 0)
        {
            await store.AppendAsync(PeopleStreams.User(userId), ExpectedVersion.Any, [.. others.Select(s => new SessionRevoked(userId, s.Id))],
                new EventMetadata { Tenant = PeopleService.UsersTenant, User = actor }, cancellationToken);
        }

        return others.Count;
    }

    /// <summary>An owner or admin ends every session of a member; their cookies stop working at the next request.</summary>
    /// <exception cref="PeopleValidationException">Not a member here, oneself, or someone who outranks the actor.</exception>
    public async Task SignOutEverywhereAsync(Guid workspaceId, Guid userId, Guid actorId, Role actorRole, string actor, CancellationToken cancellationToken = default)
    {
        await MemberGuard.EnsureMayManageAsync(directory, workspaceId, userId, actorId, actorRole, cancellationToken);
        await store.AppendAsync(PeopleStreams.Workspace(workspaceId), ExpectedVersion.Any, [new MemberSignedOutEverywhere(workspaceId, userId)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = actor }, cancellationToken);
    }
}
