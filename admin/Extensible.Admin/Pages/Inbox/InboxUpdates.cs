using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.EventStore;
using Extensible.Inbox.Threads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Keeps every open Inbox room current, on every node: it follows the event log, and for each thread an inbox event touched
/// renders its row again for those looking at the list, its state and conversation for those who have it open (through the
/// same partials the page renders), and the navigation's count of new threads for the whole workspace.
/// </summary>
public sealed partial class InboxUpdates(IServiceProvider services, ConsolePush push, FragmentRenderer renderer, ILogger<InboxUpdates> logger)
    : BackgroundService
{
    private const string ArrivalPartial = "/Pages/Inbox/_Arrival.cshtml";
    private const string UnreadPartial = "/Pages/Shared/_InboxUnread.cshtml";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without the event store or the inbox (some test hosts) has no inbox to keep.
        if (services.GetService<EventStore.EventStore>() is not { } store || services.GetService<InboxBoard>() is not { } board
            || services.GetService<InboxRoomReader>() is not { } reader)
        {
            return;
        }

        await using var subscription = await EventSubscription.StartAsync(store, (events, ct) => PushAsync(board, reader, events, ct), cancellationToken: stoppingToken);
        await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PushAsync(InboxBoard board, InboxRoomReader reader, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        // A batch may touch a thread many times (a burst of comments): it is pushed once, as it is now. The rows of a batch
        // go out together, in one read and one message per workspace and rendering: a busy inbox is one push per batch,
        // not one per item.
        var changed = events.Select(e => ThreadOf(e.Data)).OfType<(Guid WorkspaceId, Guid ThreadId)>().Distinct().ToList();
        foreach (var workspace in changed.GroupBy(c => c.WorkspaceId))
        {
            var threadIds = workspace.Select(c => c.ThreadId).ToList();
            try
            {
                await PushRowsAsync(reader, workspace.Key, threadIds, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RowsFailed(logger, threadIds.Count, workspace.Key, e);
            }

            foreach (var threadId in threadIds)
            {
                try
                {
                    await PushPanelAsync(reader, workspace.Key, threadId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    PushFailed(logger, threadId, e);
                }
            }

            if (!push.IsConnected(workspace.Key.ToString()))
            {
                // Nobody of the workspace is looking on this node: the next page they open counts for itself.
                continue;
            }

            try
            {
                var count = await board.NewCountAsync(workspace.Key, cancellationToken);
                await push.PushPartialAsync(workspace.Key.ToString(), view: null, UnreadPartial, count, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CountFailed(logger, workspace.Key, e);
            }
        }
    }

    // Moderators and readers get their own renderings (with and without the actions), each only when someone here looks.
    private async Task PushRowsAsync(InboxRoomReader reader, Guid workspaceId, IReadOnlyCollection<Guid> threadIds, CancellationToken cancellationToken)
    {
        var workspace = workspaceId.ToString();
        foreach (var mayModerate in InboxThreadPanel.Renderings)
        {
            var listView = mayModerate ? ConsoleRooms.Inbox.Slug : ConsoleRooms.Inbox.Slug + "-read";
            if (push.IsWatched(workspace, listView) && await reader.RowsAsync(workspaceId, threadIds, mayModerate, cancellationToken) is { Count: > 0 } rows)
            {
                var html = await renderer.RenderPartialAsync(ArrivalPartial, new InboxArrival(Rows: rows), cancellationToken);
                await push.PushHtmlAsync(workspace, listView, html, cancellationToken);
            }
        }
    }

    private async Task PushPanelAsync(InboxRoomReader reader, Guid workspaceId, Guid threadId, CancellationToken cancellationToken)
    {
        var workspace = workspaceId.ToString();
        foreach (var mayModerate in InboxThreadPanel.Renderings)
        {
            var threadView = InboxThreadPanel.ThreadView(threadId, mayModerate);
            if (push.IsWatched(workspace, threadView) && await reader.PanelAsync(workspaceId, threadId, mayModerate, cancellationToken) is { } panel)
            {
                var html = await renderer.RenderPartialAsync(ArrivalPartial, new InboxArrival(Panel: panel), cancellationToken);
                await push.PushHtmlAsync(workspace, threadView, html, cancellationToken);
            }
        }
    }

    private static (Guid WorkspaceId, Guid ThreadId)? ThreadOf(object data) => data switch
    {
        InboxItemReceived e => (e.WorkspaceId, e.ThreadId),
        InboxThreadStatusChanged e => (e.WorkspaceId, e.ThreadId),
        InboxThreadAssigned e => (e.WorkspaceId, e.ThreadId),
        InboxThreadLabelled e => (e.WorkspaceId, e.ThreadId),
        InboxThreadPrioritized e => (e.WorkspaceId, e.ThreadId),
        InboxThreadEscalated e => (e.WorkspaceId, e.ThreadId),
        InboxReplySent e => (e.WorkspaceId, e.ThreadId),
        InboxReplyFailed e => (e.WorkspaceId, e.ThreadId),
        InboxReplyDeleted e => (e.WorkspaceId, e.ThreadId),
        InboxItemHidden e => (e.WorkspaceId, e.ThreadId),
        InboxItemDeleted e => (e.WorkspaceId, e.ThreadId),
        InboxItemSentimentSet e => (e.WorkspaceId, e.ThreadId),
        InboxItemLiked e => (e.WorkspaceId, e.ThreadId),
        InboxItemUnliked e => (e.WorkspaceId, e.ThreadId),
        _ => null,
    };

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "Could not push inbox thread {ThreadId} to the open inboxes; they catch up at its next change or a reload")]
    private static partial void PushFailed(ILogger logger, Guid threadId, Exception exception);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "Could not push {Count} inbox rows of workspace {WorkspaceId} to the open inboxes; they catch up at their next change or a reload")]
    private static partial void RowsFailed(ILogger logger, int count, Guid workspaceId, Exception exception);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Could not push the count of new inbox threads of workspace {WorkspaceId}")]
    private static partial void CountFailed(ILogger logger, Guid workspaceId, Exception exception);
}
