using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.EventStore;
using Extensible.Publishing.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>
/// Keeps every open Accounts room current on every node: it follows the event store, and when a workspace's account
/// changes (connected by someone, paused, disconnected, marked "needs reconnect") renders the room's list again and
/// pushes it to those looking at the room; an account that needs a reconnect also raises an error toast to the whole
/// workspace, wherever its people are in the console.
/// </summary>
public sealed partial class AccountRoomUpdates(IServiceProvider services, ConsolePush push, FragmentRenderer renderer, ILogger<AccountRoomUpdates> logger)
    : BackgroundService
{
    private const string GroupsPartial = "/Pages/Accounts/_AccountGroups.cshtml";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<EventStore.EventStore>() is not { } store)
        {
            return;
        }

        EventSubscription? subscription = null;
        try
        {
            subscription = await EventSubscription.StartAsync(store, HandleAsync, cancellationToken: stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            PushFailed(logger, e);
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    private async Task HandleAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var changed = new HashSet<Guid>();
        var notices = new List<(Guid WorkspaceId, AccountNeedsReconnect Event)>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case AccountConnected c: changed.Add(c.WorkspaceId); break;
                case AccountReconnected r: changed.Add(r.WorkspaceId); break;
                case AccountPauseChanged p: changed.Add(p.WorkspaceId); break;
                case AccountDisconnected d: changed.Add(d.WorkspaceId); break;
                case AccountNeedsReconnect n:
                    changed.Add(n.WorkspaceId);
                    notices.Add((n.WorkspaceId, n));
                    break;
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            await PushAsync(changed, notices, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A lost push is caught up at the next change or reload; the subscription must not stall on it.
            PushFailed(logger, e);
        }
    }

    private async Task PushAsync(HashSet<Guid> changed, List<(Guid WorkspaceId, AccountNeedsReconnect Event)> notices, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<AccountDirectory>();
        var networks = await services.GetRequiredService<AccountService>().NetworksAsync(cancellationToken);
        var names = networks.GroupBy(n => n.PlatformKey).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        foreach (var workspaceId in changed)
        {
            var accounts = await directory.ListAsync(workspaceId, cancellationToken: cancellationToken);
            if (push.IsWatched(workspaceId.ToString(), ConsoleRooms.Accounts.Slug))
            {
                var html = await renderer.RenderPartialAsync(GroupsPartial, new AccountGroups(accounts, names), cancellationToken);
                await push.PushHtmlAsync(workspaceId.ToString(), ConsoleRooms.Accounts.Slug, html, cancellationToken);
            }

            foreach (var notice in notices.Where(n => n.WorkspaceId == workspaceId).Select(n => n.Event))
            {
                var account = accounts.FirstOrDefault(a => a.Id == notice.AccountId);
                var who = account is null ? "An account" : $"{account.Handle} ({names.GetValueOrDefault(account.PlatformKey, account.PlatformKey)})";
                await push.ToastAsync(workspaceId.ToString(), new Toast($"{who} needs a reconnect: {notice.Reason} Reconnect it in Accounts.", Toast.Error), cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Could not push an account change to the open Accounts rooms; they catch up at their next change or reload")]
    private static partial void PushFailed(ILogger logger, Exception exception);
}
