using Extensible.EventStore.Notifications;
using Extensible.EventStore.Reading;
using Extensible.EventStore.Schema;
using Npgsql;

namespace Extensible.EventStore.Projections;

/// <summary>
/// Keeps one async projection up to date on this node while it holds the projection's advisory lock, so one
/// node leads each projection. Read-model writes and the checkpoint commit in one transaction, on the
/// connection that holds the lock: if the lock's session dies, so does the uncommitted work.
/// </summary>
internal sealed class ProjectionAgent(EventStore store, IProjection projection)
{
    private readonly EventStoreOptions _options = store.Options;
    private readonly long _lockKey = AdvisoryLockKey.For(store.Options.Schema, "projection:" + projection.Name);

    public string Name => projection.Name;

    public ProjectionAgentState State { get; private set; } = ProjectionAgentState.Stopped;

    public string? LastError { get; private set; }

    /// <summary>Test seam: runs after the read model was written and before the checkpoint is.</summary>
    internal Func<NpgsqlConnection, CancellationToken, Task>? BeforeCheckpoint { get; set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            var locked = false;
            try
            {
                connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
                locked = await TryLockAsync(connection, cancellationToken);
                if (!locked)
                {
                    State = ProjectionAgentState.Standby;
                    await Task.Delay(_options.LeaderRetryInterval, cancellationToken);
                    continue;
                }

                State = ProjectionAgentState.Leading;
                EventStoreLog.LeadershipTaken(store.Logger, projection.Name);
                delay = TimeSpan.FromMilliseconds(250);
                await LeadAsync(connection, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                State = ProjectionAgentState.Retrying;
                LastError = e.Message;
                EventStoreLog.AgentFailed(store.Logger, projection.Name, delay, e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
            finally
            {
                if (connection is not null)
                {
                    await ReleaseAsync(connection, locked);
                }
            }
        }

        State = ProjectionAgentState.Stopped;
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _lockKey });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ReleaseAsync(NpgsqlConnection connection, bool locked)
    {
        // A pooled connection keeps session locks until it is reused: unlock explicitly so a standby can lead.
        if (locked && connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _lockKey });
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The session is gone, and its lock with it.
            }
        }

        await connection.DisposeAsync();
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wake = store.Signal.Next;
            var progress = await ReadProgressAsync(connection, cancellationToken);
            if (progress.RebuildRequested)
            {
                await StartRebuildAsync(connection, cancellationToken);
                continue;
            }

            var page = await store.ReadRawAsync(progress.Checkpoint, _options.ProjectionBatchSize, cancellationToken);
            if (page.Events.Count == 0)
            {
                await EventSignal.WaitAsync(wake, _options.PollInterval, cancellationToken);
                continue;
            }

            await ApplyAsync(connection, progress.Checkpoint, page.Events, cancellationToken);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, long checkpoint, IReadOnlyList<RawEvent> events, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var readable = new List<StoredEvent>(events.Count);
        foreach (var raw in events)
        {
            try
            {
                readable.Add(raw.Deserialize(_options.Events));
            }
            catch (EventDeserializationException e)
            {
                await DeadLetterAsync(connection, transaction, raw, e, cancellationToken);
            }
        }

        try
        {
            if (readable.Count > 0)
            {
                await projection.ApplyAsync(new ProjectionBatch(connection, transaction, readable), cancellationToken);
            }
        }
        catch (Exception e) when (IsProjectionFault(e, cancellationToken) && events.Count > 1)
        {
            // Find the event the projection cannot take by applying them one at a time.
            await transaction.RollbackAsync(cancellationToken);
            foreach (var raw in events)
            {
                await ApplyAsync(connection, checkpoint, [raw], cancellationToken);
                checkpoint = raw.Sequence;
            }

            return;
        }
        catch (Exception e) when (IsProjectionFault(e, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            await using var deadLetter = await connection.BeginTransactionAsync(cancellationToken);
            await DeadLetterAsync(connection, deadLetter, events[0], e, cancellationToken);
            await AdvanceAsync(connection, deadLetter, checkpoint, events[0].Sequence, cancellationToken);
            await deadLetter.CommitAsync(cancellationToken);
            return;
        }

        if (BeforeCheckpoint is { } hook)
        {
            await hook(connection, cancellationToken);
        }

        await AdvanceAsync(connection, transaction, checkpoint, events[^1].Sequence, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsProjectionFault(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is not OperationCanceledException
        && !(e is NpgsqlException { IsTransient: true })
        && !(e is NpgsqlException && e is not PostgresException);

    private async Task AdvanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            update {_options.QuotedSchema}.progression
               set last_seq = $3, updated = now(),
                   rebuild_target = case when rebuild_target <= $3 then null else rebuild_target end
             where name = $1 and last_seq = $2
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projection.Name });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Only the leader writes the checkpoint; finding it moved means this node no longer leads.
            throw new InvalidOperationException($"The checkpoint of projection '{projection.Name}' moved under this node; giving up leadership.");
        }
    }

    private async Task DeadLetterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RawEvent raw, Exception error, CancellationToken cancellationToken)
    {
        EventStoreLog.DeadLettered(store.Logger, projection.Name, raw.Sequence, raw.StreamId, raw.Alias, error);
        await using var command = new NpgsqlCommand(
            $"insert into {_options.QuotedSchema}.dead_letters (projection, seq, stream_id, type, error) values ($1, $2, $3, $4, $5) on conflict (projection, seq) do update set error = excluded.error, at = now()",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projection.Name });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = raw.Sequence });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = raw.StreamId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = raw.Alias });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error.Message });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(long Checkpoint, bool RebuildRequested)> ReadProgressAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            insert into {_options.QuotedSchema}.progression (name) values (@name) on conflict (name) do nothing;
            select last_seq, rebuild_requested is not null from {_options.QuotedSchema}.progression where name = @name;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("name", projection.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }

    private async Task StartRebuildAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var target = await store.HighWater.DetectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await projection.ResetAsync(connection, transaction, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            delete from {_options.QuotedSchema}.dead_letters where projection = @name;
            update {_options.QuotedSchema}.progression
               set last_seq = 0, updated = now(), rebuild_requested = null, rebuild_target = nullif(@target, 0)
             where name = @name;
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", projection.Name));
        command.Parameters.Add(new NpgsqlParameter<long>("target", target));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        EventStoreLog.RebuildStarted(store.Logger, projection.Name, target);
    }
}
