namespace Extensible.Publishing;

/// <summary>Who acts in publishing: the workspace they act in, their user id, and the email the event log records.</summary>
/// <param name="WorkspaceId">The workspace (the tenant of every stream written).</param>
/// <param name="UserId">The person (or the token's person).</param>
/// <param name="Email">Recorded as the events' user.</param>
public sealed record PublishingActor(Guid WorkspaceId, Guid UserId, string Email)
{
    /// <summary>The metadata every append of this actor carries.</summary>
    public EventStore.EventMetadata Metadata => new() { Tenant = WorkspaceId.ToString(), User = Email };
}
