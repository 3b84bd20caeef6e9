using System.Collections.Concurrent;

namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>
/// Read-modify-write changes to one key of the store, made together: a change made while the key is being written waits
/// for that write and is then applied with every other change that waited, in one read and one write. A burst of posts
/// for one account (a thousand due at one instant) rewrote the account's list once per post; now once per round.
/// Changes of different keys go on at once. Within one plugin instance only: across nodes two writes can still race,
/// which a simulated network can live with.
/// </summary>
/// <typeparam name="TChange">What one caller changes.</typeparam>
internal sealed class CoalescedChanges<TChange>(Func<string, IReadOnlyList<TChange>, Task> applyAll)
{
    private readonly ConcurrentDictionary<string, Queue> _queues = new(StringComparer.Ordinal);

    /// <summary>Applies <paramref name="change"/> to <paramref name="key"/>; completes when it is stored (or fails with its round).</summary>
    public Task ApplyAsync(string key, TChange change, CancellationToken cancellationToken)
    {
        var queue = _queues.GetOrAdd(key, _ => new Queue());
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (queue)
        {
            queue.Waiting.Add((change, done));
            start = !queue.Running;
            queue.Running = true;
        }

        if (start)
        {
            // Not the caller's token: the round stores other callers' changes too.
            _ = Task.Run(() => RunAsync(key, queue), CancellationToken.None);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(string key, Queue queue)
    {
        while (true)
        {
            List<(TChange Change, TaskCompletionSource Done)> round;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }

                round = [.. queue.Waiting];
                queue.Waiting.Clear();
            }

            try
            {
                await applyAll(key, [.. round.Select(r => r.Change)]).ConfigureAwait(false);
                foreach (var (_, done) in round)
                {
                    done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                foreach (var (_, done) in round)
                {
                    done.TrySetException(e);
                }
            }
        }
    }

    private sealed class Queue
    {
        public List<(TChange Change, TaskCompletionSource Done)> Waiting { get; } = [];

        public bool Running { get; set; }
    }
}
