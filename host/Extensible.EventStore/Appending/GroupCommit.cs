namespace Extensible.EventStore;

/// <summary>
/// Group commit: appends that arrive while an earlier group is being written wait and are written together, in one
/// transaction, and each caller is answered only once its group has committed. Many writers on one stream (a plugin's
/// own events, an inbox's deliveries) then cost one commit per group instead of one per event, and never race each
/// other for the stream's next version. Groups form per metadata (tenant, user, correlation, causation), which a
/// whole transaction shares.
/// </summary>
internal sealed class GroupCommit(EventStore store)
{
    /// <summary>The most events one group writes; more wait for the next.</summary>
    internal const int MaxEvents = 500;

    private readonly Dictionary<GroupKey, Group> _groups = [];

    /// <summary>Queues <paramref name="append"/> (at <see cref="ExpectedVersion.Any"/>) and completes when it is stored.</summary>
    public Task<AppendResult> AppendAsync(StreamAppend append, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var pending = new Pending(append, new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        var key = new GroupKey(metadata.Tenant, metadata.User, metadata.CorrelationId, metadata.CausationId);
        bool start;
        Group group;
        lock (_groups)
        {
            if (!_groups.TryGetValue(key, out group!))
            {
                group = new Group(metadata);
                _groups[key] = group;
            }

            group.Queue.Enqueue(pending);
            start = !group.Writing;
            group.Writing = true;
        }

        if (start)
        {
            _ = Task.Run(() => WriteAsync(key, group), CancellationToken.None);
        }

        // A caller that stops waiting is not answered; what it queued may still be written with its group.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(GroupKey key, Group group)
    {
        while (true)
        {
            var batch = new List<Pending>();
            lock (_groups)
            {
                var events = 0;
                while (group.Queue.TryPeek(out var next) && (batch.Count == 0 || events + next.Append.Events.Count <= MaxEvents))
                {
                    batch.Add(group.Queue.Dequeue());
                    events += next.Append.Events.Count;
                }

                if (batch.Count == 0)
                {
                    group.Writing = false;
                    _groups.Remove(key);
                    return;
                }
            }

            await CommitAsync(group.Metadata, batch);
        }
    }

    private async Task CommitAsync(EventMetadata metadata, List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            // One append per stream, the events in the order their callers queued them.
            var appends = batch.GroupBy(p => p.Append.StreamId, StringComparer.Ordinal)
                .Select(g => new StreamAppend(g.Key, ExpectedVersion.Any, [.. g.SelectMany(p => p.Append.Events)], g.First().Append.StreamType))
                .ToArray();
            try
            {
                var result = await store.AppendAsync(appends, metadata, CancellationToken.None);
                foreach (var pending in batch)
                {
                    var ids = pending.Append.Events.Select(e => e.Id).ToHashSet();
                    pending.Stored.TrySetResult(new AppendResult([.. result.Events.Where(e => ids.Contains(e.Id))], result.Replayed));
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One caller's bad append (a duplicate event id, say) must not fail the others: write each on its own.
            }
        }

        foreach (var pending in batch)
        {
            try
            {
                pending.Stored.TrySetResult(await store.AppendAsync([pending.Append], metadata, CancellationToken.None));
            }
            catch (Exception e)
            {
                pending.Stored.TrySetException(e);
            }
        }
    }

    private readonly record struct GroupKey(string Tenant, string? User, string? CorrelationId, string? CausationId);

    private sealed record Pending(StreamAppend Append, TaskCompletionSource<AppendResult> Stored);

    private sealed class Group(EventMetadata metadata)
    {
        public EventMetadata Metadata { get; } = metadata;

        public Queue<Pending> Queue { get; } = new();

        public bool Writing { get; set; }
    }
}
