using System.Security.Claims;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Deliveries;
using Extensible.Inbox.Threads;
using Extensible.People;

namespace Extensible.Host.Api;

/// <summary>What the inbox endpoints need, bundled with <c>[AsParameters]</c>.</summary>
/// <param name="Board">The questions.</param>
/// <param name="Actions">The moderators' actions.</param>
/// <param name="Deliveries">The kept webhook deliveries.</param>
/// <param name="Caller">Who calls.</param>
/// <param name="Aborted">Cancelled when the caller goes away.</param>
public sealed record InboxApiServices(InboxBoard Board, InboxActions Actions, InboxDeliveries Deliveries, ClaimsPrincipal Caller, CancellationToken Aborted)
{
    /// <summary>The workspace the caller acts in.</summary>
    public Guid WorkspaceId => Caller.WorkspaceId();

    /// <summary>The person who calls (a token's person): who the events name.</summary>
    public Guid UserId => Caller.UserId();
}
