using Extensible.EventStore.Notifications;
using Extensible.EventStore.Reading;

namespace Extensible.EventStore;

/// <summary>
/// Follows Marten's event table on this node and hands committed events to a live consumer, in sequence order and at
/// least once: a batch whose handler throws is handed over again. Events that cannot be read (an alias nobody
/// registered, a body that no longer fits) are reported and passed over. Every node runs its own: Marten's
/// subscriptions run on one leader, but the plugin runtime and the console's live pushes must see each event on each
/// node.
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
                var page = await _store.Rows.ReadCommittedAsync(Position, 500, gap, cancellationToken);
                gap = page.Gap;
                if (page.Events.Count == 0)
                {
                    // Past Marten's tombstones (if that is all there was), up to a hole or the end.
                    Interlocked.Exchange(ref _position, page.Position);
                    // A hole still waited on is looked at again soon; otherwise the next commit wakes us.
                    await EventSignal.WaitAsync(wake, gap is null ? _store.Options.PollInterval : TimeSpan.FromMilliseconds(50), cancellationToken);
                    continue;
                }

                var readable = new List<StoredEvent>(page.Events.Count);
                foreach (var raw in page.Events)
                {
                    try
                    {
                        readable.Add(raw.Deserialize(_store.Options.Events));
                    }
                    catch (EventDeserializationException e)
                    {
                        EventStoreLog.SubscriptionSkipped(_store.Logger, e.Sequence, e.StreamId, e);
                    }
                }

                if (readable.Count > 0)
                {
                    await _handler(readable, cancellationToken);
                }

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
