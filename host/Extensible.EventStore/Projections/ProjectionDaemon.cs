using Extensible.EventStore.Projections;
using Extensible.EventStore.Reading;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>
/// Runs this node's share of the store's background work: one agent per async projection (each leads on at
/// most one node at a time), the listener that hears other nodes' commits and the sender that tells them
/// about this node's. Also reports projection status and rebuilds projections.
/// </summary>
public sealed class ProjectionDaemon(EventStore store) : IAsyncDisposable
{
    private readonly Dictionary<string, ProjectionAgent> _agents =
        store.Options.Projections.Async.ToDictionary(p => p.Name, p => new ProjectionAgent(store, p));

    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    /// <summary>Whether the daemon's loops are running on this node.</summary>
    public bool IsRunning => _stopping is { IsCancellationRequested: false } && !_running.IsCompleted;

    /// <summary>Starts the notification loops and, when <paramref name="runAgents"/>, the projection agents.</summary>
    public Task StartAsync(bool runAgents = true)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The projection daemon is already started.");
        }

        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        List<Task> loops =
        [
            Task.Run(() => store.Notifications.ListenAsync(token), CancellationToken.None),
            Task.Run(() => store.Notifications.SendAsync(token).ContinueWith(_ => { }, TaskScheduler.Default), CancellationToken.None),
        ];
        if (runAgents)
        {
            loops.AddRange(_agents.Values.Select(agent => Task.Run(() => agent.RunAsync(token), CancellationToken.None)));
        }

        _running = Task.WhenAll(loops);
        return Task.CompletedTask;
    }

    /// <summary>Stops every loop and releases this node's leadership.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _stopping = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Where every projection stands, read from the database (so any node can answer).</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var mark = await store.HighWater.DetectAsync(cancellationToken);
        var schema = store.Options.QuotedSchema;
        await using var command = store.DataSource.CreateCommand(
            $"""
            select p.name, p.last_seq, p.rebuild_target, p.rebuild_requested is not null,
                   (select count(*) from {schema}.dead_letters d where d.projection = p.name)
              from {schema}.progression p
            """);
        var rows = new Dictionary<string, (long Checkpoint, long? Target, bool Requested, long DeadLetters)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetBoolean(3), reader.GetInt64(4));
            }
        }

        return
        [
            .. store.Options.Projections.All.Select(p =>
            {
                var lifecycle = store.Options.Projections.LifecycleOf(p.Name);
                var row = rows.GetValueOrDefault(p.Name);
                _agents.TryGetValue(p.Name, out var agent);
                return new ProjectionStatus(p.Name, lifecycle, lifecycle == ProjectionLifecycle.Inline ? mark : row.Checkpoint, mark,
                    row.Target, row.Requested, row.DeadLetters, agent?.State, agent?.LastError);
            }),
        ];
    }

    /// <summary>
    /// Rebuilds a projection from the first event, reporting progress until it has caught up with the events
    /// stored when the rebuild started. An async projection is rebuilt by whichever node leads it; an inline
    /// one is rebuilt here while appends wait.
    /// </summary>
    public async Task RebuildAsync(string projectionName, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var projection = store.Options.Projections.Find(projectionName);
        if (store.Options.Projections.LifecycleOf(projectionName) == ProjectionLifecycle.Inline)
        {
            await RebuildInlineAsync(projection, progress, cancellationToken);
            return;
        }

        await using (var request = store.DataSource.CreateCommand(
            $"insert into {store.Options.QuotedSchema}.progression (name, rebuild_requested) values ($1, now()) on conflict (name) do update set rebuild_requested = now()"))
        {
            request.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projectionName });
            await request.ExecuteNonQueryAsync(cancellationToken);
        }

        store.Signal.Pulse();
        var started = false;
        while (true)
        {
            var status = (await GetStatusAsync(cancellationToken)).First(s => s.Name == projectionName);
            started |= !status.RebuildRequested;
            if (started && status.RebuildTarget is null)
            {
                progress?.Report(new RebuildProgress(projectionName, status.Checkpoint, status.Checkpoint));
                return;
            }

            if (status.RebuildTarget is { } target)
            {
                progress?.Report(new RebuildProgress(projectionName, status.Checkpoint, target));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    internal ProjectionAgent Agent(string name) => _agents[name];

    private async Task RebuildInlineAsync(IProjection projection, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var schema = store.Options.QuotedSchema;
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Appends wait while the read model is rebuilt, so none is applied twice or missed.
        await using (var block = new NpgsqlCommand($"lock table {schema}.events in share mode", connection, transaction))
        {
            await block.ExecuteNonQueryAsync(cancellationToken);
        }

        await projection.ResetAsync(connection, transaction, cancellationToken);
        long target;
        await using (var max = new NpgsqlCommand($"select coalesce(max(seq), 0) from {schema}.events", connection, transaction))
        {
            target = (long)(await max.ExecuteScalarAsync(cancellationToken))!;
        }

        long position = 0;
        while (position < target)
        {
            await using var page = new NpgsqlCommand(
                $"select {EventRows.Columns} from {schema}.events where seq > $1 order by seq limit $2", connection, transaction);
            page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
            page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = store.Options.ProjectionBatchSize });
            var rows = await EventRows.ReadAsync(page, cancellationToken);
            await projection.ApplyAsync(new ProjectionBatch(connection, transaction, [.. rows.Select(r => r.Deserialize(store.Options.Events))]), cancellationToken);
            position = rows[^1].Sequence;
            progress?.Report(new RebuildProgress(projection.Name, position, target));
        }

        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new RebuildProgress(projection.Name, target, target));
    }
}
