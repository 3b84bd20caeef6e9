using System.Security.Claims;
using Extensible.Host.Security;
using Extensible.People;

namespace Extensible.Host.Api;

/// <summary>What the people endpoints need, bundled with <c>[AsParameters]</c>: the services, the caller and the request's cancellation.</summary>
/// <param name="People">Changes to people and workspaces.</param>
/// <param name="Directory">Questions about them.</param>
/// <param name="Caller">Who calls.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Aborted">Cancelled when the caller goes away.</param>
public sealed record PeopleApiServices(PeopleService People, PeopleDirectory Directory, ClaimsPrincipal Caller, TimeProvider Clock, CancellationToken Aborted)
{
    /// <summary>The caller's token id, when the call came with an API token.</summary>
    public Guid? TokenId => Caller.Identity?.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName
        && Guid.TryParse(Caller.FindFirstValue(ConsoleClaims.TokenId), out var id) ? id : null;

    /// <summary>Whether <paramref name="workspaceId"/> is the workspace the caller acts in.</summary>
    public bool ActsIn(Guid workspaceId) =>
        Guid.TryParse(Caller.FindFirstValue(ConsoleClaims.WorkspaceId), out var current) && current == workspaceId;
}
