using Extensible.EventStore;
using Extensible.People.Passwords;
using Extensible.People.Sessions;
using Extensible.People.Users;
using Extensible.People.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

/// <summary>
/// Closes this node's console connections whose person lost the rights the connection was opened with — a session ended
/// (sign-out, sign-out everywhere, a password change or reset, a revocation), a role changed, a membership ended — as soon
/// as the event commits on any node: it follows the event log, which every node shares, and checks again (see
/// <see cref="ConnectionRights"/>) the open connections of the people the events name.
/// </summary>
public sealed class RightsChangeFollower(IServiceProvider services, OpenConnections open, ConnectionRights rights, ILogger<ConsoleHub> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without the event store (some test hosts) has no rights to follow.
        if (services.GetService<EventStore.EventStore>() is not { } store)
        {
            return;
        }

        // From now on: a connection opened before this node started does not exist.
        await using var subscription = await EventSubscription.StartAsync(store, CheckAsync, cancellationToken: stoppingToken);
        await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task CheckAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var people = events.Select(e => PersonOf(e.Data)).OfType<Guid>().ToHashSet();
        if (people.Count == 0 || open.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        foreach (var connection in open.Of(people))
        {
            try
            {
                if (!await rights.StillHoldsAsync(connection, scope.ServiceProvider, cancellationToken))
                {
                    LiveLog.ConnectionClosed(logger, connection.UserId, connection.Id);
                    connection.Context.Abort();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One connection that cannot be checked now is checked again at its next call.
                LiveLog.RecheckFailed(logger, connection.Id, e);
            }
        }
    }

    // The events that can take rights away, and whose they are.
    private static Guid? PersonOf(object data) => data switch
    {
        SessionRevoked e => e.UserId,
        PasswordChanged e => e.UserId,
        PasswordResetLinkUsed e => e.UserId,
        MemberSignedOutEverywhere e => e.UserId,
        MemberRoleChanged e => e.UserId,
        MemberRemoved e => e.UserId,
        MemberAdded e => e.UserId,
        _ => null,
    };
}
