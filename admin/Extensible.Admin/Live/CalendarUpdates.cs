using Extensible.Admin.Pages.Calendar;
using Extensible.Admin.Shell;
using Extensible.EventStore;
using Extensible.Publishing.Posts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

/// <summary>
/// Keeps every open calendar current, on every node: it follows the event log, and for each post that was drafted, edited,
/// scheduled, moved, unscheduled, discarded, or whose target started, went out or failed, renders the post's chip again
/// (the same partial the page renders) and pushes it, with <c>hx-swap-oob</c>, to everyone in that workspace looking at
/// the calendar, who see it move to its cell and change colour without a reload.
/// </summary>
public sealed partial class CalendarUpdates(IServiceProvider services, ConsolePush push, FragmentRenderer renderer, ILogger<CalendarUpdates> logger)
    : BackgroundService
{
    private const string PushPartial = "/Pages/Calendar/_CalendarPush.cshtml";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without the event store or the publishing read model (some test hosts) has no calendar to keep.
        if (services.GetService<EventStore.EventStore>() is not { } store || services.GetService<CalendarReadModel>() is not { } board)
        {
            return;
        }

        await using var subscription = await EventSubscription.StartAsync(store, (events, ct) => PushAsync(board, events, ct), cancellationToken: stoppingToken);
        await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PushAsync(CalendarReadModel board, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        // A batch may touch a post many times (a publish: started, published): it is pushed once, as it is now.
        var changed = events.Select(e => PostOf(e.Data)).OfType<(Guid, Guid)>().Distinct().ToList();
        foreach (var (workspaceId, postId) in changed)
        {
            if (!push.IsWatched(workspaceId.ToString(), ConsoleRooms.Calendar.Slug))
            {
                continue;
            }

            try
            {
                var zone = await board.TimeZoneOfAsync(workspaceId, cancellationToken);
                var post = await board.PostAsync(workspaceId, postId, cancellationToken);
                var html = await renderer.RenderPartialAsync(PushPartial, new CalendarPush(postId, post, zone), cancellationToken);
                await push.PushHtmlAsync(workspaceId.ToString(), ConsoleRooms.Calendar.Slug, html, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PushFailed(logger, postId, e);
            }
        }
    }

    private static (Guid WorkspaceId, Guid PostId)? PostOf(object data) => data switch
    {
        PostDrafted e => (e.WorkspaceId, e.PostId),
        PostEdited e => (e.WorkspaceId, e.PostId),
        PostScheduled e => (e.WorkspaceId, e.PostId),
        PostRescheduled e => (e.WorkspaceId, e.PostId),
        PostUnscheduled e => (e.WorkspaceId, e.PostId),
        PostDiscarded e => (e.WorkspaceId, e.PostId),
        TargetPublishStarted e => (e.WorkspaceId, e.PostId),
        TargetPublished e => (e.WorkspaceId, e.PostId),
        TargetFailed e => (e.WorkspaceId, e.PostId),
        TargetRetried e => (e.WorkspaceId, e.PostId),
        TargetNeedsDecision e => (e.WorkspaceId, e.PostId),
        TargetMarkedSent e => (e.WorkspaceId, e.PostId),
        TargetDropped e => (e.WorkspaceId, e.PostId),
        TargetDeleted e => (e.WorkspaceId, e.PostId),
        _ => null,
    };

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Could not push post {PostId} to the open calendars; they catch up at its next change or a reload")]
    private static partial void PushFailed(ILogger logger, Guid postId, Exception exception);
}
