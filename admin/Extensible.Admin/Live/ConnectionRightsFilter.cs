using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

/// <summary>
/// Holds every console connection to the rights it was opened with: on connect it is noted in <see cref="OpenConnections"/>
/// (so <see cref="RightsChangeFollower"/> can close it when its person's rights change), and before every hub call its
/// session and rights are checked again (<see cref="ConnectionRights"/>). A connection that lost them is closed and the
/// call refused; the browser reconnects, and the new connection is authorized afresh.
/// </summary>
public sealed class ConnectionRightsFilter(ConnectionRights rights, OpenConnections open, ILogger<ConsoleHub> logger) : IHubFilter
{
    /// <summary>What a refused call or connection says.</summary>
    public const string Refusal = "Your sign-in or your rights changed since this page opened: reload it.";

    /// <inheritdoc />
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var connection = rights.Describe(context.Context) ?? throw new HubException(Refusal);

        // Noted before it is checked: a change committed before this point fails the check, one after reaches the follower.
        open.Add(connection);
        if (!await rights.StillHoldsAsync(connection, context.ServiceProvider, context.Context.ConnectionAborted))
        {
            open.Remove(connection.Id);
            LiveLog.ConnectionClosed(logger, connection.UserId, connection.Id);
            throw new HubException(Refusal);
        }

        await next(context);
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var context = invocationContext.Context;
        if (open.Find(context.ConnectionId) is not { } connection
            || !await rights.StillHoldsAsync(connection, invocationContext.ServiceProvider, context.ConnectionAborted))
        {
            LiveLog.ConnectionClosed(logger, open.Find(context.ConnectionId)?.UserId ?? Guid.Empty, context.ConnectionId);
            context.Abort();
            throw new HubException(Refusal);
        }

        return await next(invocationContext);
    }

    /// <inheritdoc />
    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        open.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }
}
