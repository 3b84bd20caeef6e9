using System.Security.Claims;
using Extensible.People;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;

namespace Extensible.Host.Api;

/// <summary>What the posts endpoints need, bundled with <c>[AsParameters]</c>.</summary>
/// <param name="Posts">The commands.</param>
/// <param name="Board">The questions.</param>
/// <param name="Validation">Per-target checks.</param>
/// <param name="Settings">Time zones.</param>
/// <param name="Caller">Who calls.</param>
/// <param name="Aborted">Cancelled when the caller goes away.</param>
public sealed record PostsApiServices(PostService Posts, PostBoard Board, PostValidation Validation, PublishingSettings Settings, ClaimsPrincipal Caller, CancellationToken Aborted)
{
    /// <summary>The caller as publishing records them.</summary>
    public PublishingActor Actor => new(Caller.WorkspaceId(), Caller.UserId(), Caller.Actor());
}
