using Extensible.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

/// <summary>
/// Keeps one kind of open page current on every node by telling it to fetch again: it follows the event log, and when an
/// event changes what the page shows for a workspace, pushes <see cref="Partial"/> (with the event's sequence as model) to
/// those looking at <see cref="View"/> there. The push carries nothing of the data: the page asks for it with its own
/// person's rights, so nobody is sent what their role does not show them.
/// </summary>
public abstract partial class ViewRefreshes(IServiceProvider services, ConsolePush push, ILogger logger) : BackgroundService
{
    /// <summary>The live view of the pages kept current.</summary>
    protected abstract string View { get; }

    /// <summary>The partial pushed (its model: the sequence of the latest event that changed the workspace).</summary>
    protected abstract string Partial { get; }

    /// <summary>The workspace whose page an event changes, or <see langword="null"/> when it changes none.</summary>
    /// <param name="data">The event.</param>
    protected abstract Guid? WorkspaceOf(object data);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without the event store (some test hosts) has nothing to follow.
        if (services.GetService<EventStore.EventStore>() is not { } store)
        {
            return;
        }

        await using var subscription = await EventSubscription.StartAsync(store, PushAsync, cancellationToken: stoppingToken);
        await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PushAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        // Many changes in one batch (a multi-file upload) make one push per workspace.
        var changed = new Dictionary<Guid, long>();
        foreach (var e in events)
        {
            if (WorkspaceOf(e.Data) is { } workspaceId)
            {
                changed[workspaceId] = e.Sequence;
            }
        }

        foreach (var (workspaceId, sequence) in changed)
        {
            var workspace = workspaceId.ToString();
            if (!push.IsWatched(workspace, View))
            {
                continue;
            }

            try
            {
                await push.PushPartialAsync(workspace, View, Partial, sequence, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A lost push is caught up at the next change or reload; the subscription must not stall on it.
                PushFailed(logger, View, e);
            }
        }
    }

    [LoggerMessage(EventId = 1130, Level = LogLevel.Warning, Message = "Could not tell the open '{View}' pages that what they show changed; they catch up at the next change or reload")]
    private static partial void PushFailed(ILogger logger, string view, Exception exception);
}
