using Extensible.EventStore.Notifications;
using Extensible.EventStore.Reading;

namespace Extensible.EventStore;

/// <summary>
/// Follows Marten's event table on this node and hands committed events to a live consumer, in sequence order and at
/// least once: a batch whose handler throws is handed over again. Events that cannot be read (an alias nobody
/// registered, a body that no longer fits) are reported and passed over. Every node runs its own: Marten's
/// subscriptions run on one leader, but the plugin runtime and the console's live pushes must see each event on each
/// node. The subscriptions of one node share their reads of the log (<see cref="SharedPages"/>): each event is read and
/// decoded once per node, however many follow it.
/// </summary>
public sealed class EventSubscription : IAsyncDisposable
{
    private readonly EventStore _store;
    private readonly Func<IReadOnlyList<StoredEvent>, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;
    private long _position;

    private EventSubscription(EventStore store, long afterSequence, Func<IReadOnlyList<StoredEvent>, CancellationToken, Task> handler)
    {
        _store = store;
        _handler = handler;
        _position = afterSequence;
        _running = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>The sequence of the last event handled.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>
    /// Starts a subscription after <paramref name="afterSequence"/>, or after the newest event stored when null (only
    /// what happens from now on).
    /// </summary>
    public static async Task<EventSubscription> StartAsync(EventStore store, Func<IReadOnlyList<StoredEvent>, CancellationToken, Task> handler, long? afterSequence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(handler);
        var start = afterSequence ?? await store.GetLastSequenceAsync(cancellationToken);
        return new EventSubscription(store, start, handler);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        PendingGap? gap = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wake = _store.Signal.Next;
                var page = await _store.Pages.ReadAsync(Position, gap, cancellationToken);
                gap = page.Gap;
                if (page.Events.Count == 0)
                {
                    // Past Marten's tombstones and events nobody can read (if that is all there was), up to a hole or the end.
                    var advanced = page.Position != Position;
                    Interlocked.Exchange(ref _position, page.Position);
                    if (gap is not null)
                    {
                        // A hole still waited on is looked at again soon.
                        await EventSignal.WaitAsync(wake, TimeSpan.FromMilliseconds(50), cancellationToken);
                    }
                    else if (!advanced)
                    {
                        // Nothing new: the next commit wakes us.
                        await EventSignal.WaitAsync(wake, _store.Options.PollInterval, cancellationToken);
                    }

                    continue;
                }

                await _handler(page.Events, cancellationToken);

                Interlocked.Exchange(ref _position, page.Position);
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                EventStoreLog.SubscriptionRetrying(_store.Logger, Position, delay, e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
