using System.Threading.Channels;
using Extensible.EventStore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Publishing.Publisher;

/// <summary>
/// Records the outcomes of this node's calls: one writer groups what finished together into one append per workspace
/// (a post's targets finishing at once share one append to its stream, rather than racing each other for its next
/// version), and retries until stored — until then a target stays "publishing" under this node's heartbeat.
/// </summary>
internal sealed class OutcomeRecorder(EventStore.EventStore store, PostStreamGate gate, TimeProvider clock, ILogger<OutcomeRecorder> logger) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private const int SplitAfter = 3;

    private readonly Channel<(ClaimedTarget Target, object Outcome, TaskCompletionSource Stored)> _pending =
        Channel.CreateUnbounded<(ClaimedTarget, object, TaskCompletionSource)>(new() { SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();
    private Task? _writer;

    /// <summary>Queues the outcome; completes once it is stored.</summary>
    public Task RecordAsync(ClaimedTarget target, object outcome, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Writer.TryWrite((target, outcome, stored));
        return stored.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _writer) is null)
        {
            lock (_pending)
            {
                _writer ??= Task.Run(() => WriteAsync(_stopping.Token));
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(ClaimedTarget Target, object Outcome, TaskCompletionSource Stored)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var workspace in batch.GroupBy(b => b.Target.WorkspaceId))
            {
                await StoreAsync(workspace.Key, [.. workspace], cancellationToken);
            }

            batch.Clear();
        }
    }

    private async Task StoreAsync(Guid workspaceId, IReadOnlyList<(ClaimedTarget Target, object Outcome, TaskCompletionSource Stored)> items, CancellationToken cancellationToken)
    {
        var appends = items.GroupBy(i => i.Target.PostId).OrderBy(g => g.Key)
            .Select(g => new StreamAppend(PublishingStreams.Post(g.Key), ExpectedVersion.Any, [.. g.Select(i => NewEvent.For(i.Outcome))]))
            .ToArray();
        var metadata = new EventMetadata { Tenant = workspaceId.ToString(), User = "publisher" };
        var delay = TimeSpan.FromMilliseconds(20);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using (await gate.EnterAsync(cancellationToken))
                {
                    await store.AppendAsync(appends, metadata, cancellationToken);
                }

                foreach (var item in items)
                {
                    item.Stored.TrySetResult();
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Another node appended to one of these posts at the same moment, the database is away, or the driver
                // failed: the call happened, so its outcome is kept trying (a target left "publishing" on a live node is
                // never taken over). After a few failures each outcome goes on its own, so none holds up the others.
                if (attempt % 10 == 0)
                {
                    PublisherLog.OutcomeLost(logger, items[0].Target.PostId, items[0].Target.AccountId, e);
                }

                if (attempt == SplitAfter && items.Count > 1)
                {
                    foreach (var item in items)
                    {
                        await StoreAsync(workspaceId, [item], cancellationToken);
                    }

                    return;
                }

                await Task.Delay(delay, clock, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
