using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EventStore.Reading;

/// <summary>
/// The highest sequence number below which every event is either committed or can never exist.
/// <para>
/// Appenders take their transaction id before any sequence number. So an observation of the last sequence
/// number handed out (M), followed by the set of running transaction ids, names every transaction that can
/// still commit a number up to M. A hole below M is skipped only once all of those transactions have ended;
/// until then the mark waits in front of it. Each skipped number is recorded in the gaps table.
/// </para>
/// </summary>
internal sealed class HighWaterMark(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger logger) : IDisposable
{
    private const int PageSize = 10_000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _mark;
    private const string ProgressionName = "~high_water_mark";
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);
    private long _detectionsStarted;
    private Observation? _pending;
    private bool _loaded;
    private long _saved;
    private DateTime _savedAt;

    /// <summary>The mark found by the latest detection.</summary>
    public long Current => Interlocked.Read(ref _mark);

    /// <summary>Finds the current mark. Callers that arrive while a detection runs share the next one.</summary>
    public async Task<long> DetectAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Read(ref _detectionsStarted);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A detection that started after this call began has seen everything this call could see.
            if (Interlocked.Read(ref _detectionsStarted) > ticket)
            {
                return Current;
            }

            Interlocked.Increment(ref _detectionsStarted);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (!_loaded)
            {
                Interlocked.Exchange(ref _mark, await LoadAsync(connection, cancellationToken));
                _loaded = true;
            }

            var mark = await DetectOnceAsync(connection, cancellationToken);
            Interlocked.Exchange(ref _mark, mark);
            if (mark > _saved && DateTime.UtcNow - _savedAt > SaveInterval)
            {
                await SaveAsync(connection, mark, cancellationToken);
            }

            return mark;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long> DetectOnceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var schema = options.QuotedSchema;
        var mark = Current;

        // One round trip, three statements, each with its own snapshot and in this order:
        // the last number handed out, then who is still running, then what is committed.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"select case when is_called then last_value else 0 end from {schema}.events_seq"),
                new NpgsqlBatchCommand("select coalesce(array_agg(transactionid::text::bigint), '{}') from pg_locks where locktype = 'transactionid' and mode = 'ExclusiveLock' and granted"),
                new NpgsqlBatchCommand($"select seq from {schema}.events where seq > $1 order by seq limit {PageSize}") { Parameters = { new NpgsqlParameter<long> { TypedValue = mark } } },
            },
        };

        long lastTaken;
        long[] running;
        var committed = new List<long>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            lastTaken = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            running = reader.GetFieldValue<long[]>(0);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                committed.Add(reader.GetInt64(0));
            }
        }

        var now = new Observation(lastTaken, [.. running]);
        var deadUpTo = _pending is { } pending && !pending.Running.Overlaps(now.Running) ? pending.LastTaken : 0;

        var skipped = new List<(long From, long To)>();
        foreach (var seq in committed)
        {
            if (seq == mark + 1)
            {
                mark = seq;
                continue;
            }

            if (deadUpTo >= seq - 1)
            {
                skipped.Add((mark + 1, seq - 1));
                mark = seq;
                continue;
            }

            break;
        }

        if (deadUpTo > mark && (committed.Count < PageSize || committed[^1] > deadUpTo))
        {
            skipped.Add((mark + 1, deadUpTo));
            mark = deadUpTo;
        }

        if (skipped.Count > 0)
        {
            await RecordGapsAsync(connection, skipped, cancellationToken);
        }

        // Keep waiting on the oldest unresolved observation; start a new one once it resolved.
        if (_pending is null || deadUpTo > 0)
        {
            _pending = mark < now.LastTaken ? now : null;
        }

        if (committed.Count == PageSize && committed[^1] == mark)
        {
            Interlocked.Exchange(ref _mark, mark);
            return await DetectOnceAsync(connection, cancellationToken);
        }

        return mark;
    }

    // A mark once found stays true, so a node starts from the last one saved instead of walking every event.
    private async Task<long> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(last_seq), 0) from {options.QuotedSchema}.progression where name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ProgressionName });
        _saved = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return _saved;
    }

    private async Task SaveAsync(NpgsqlConnection connection, long mark, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {options.QuotedSchema}.progression (name, last_seq) values ($1, $2) on conflict (name) do update set last_seq = greatest(progression.last_seq, excluded.last_seq), updated = now()",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ProgressionName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = mark });
        await command.ExecuteNonQueryAsync(cancellationToken);
        (_saved, _savedAt) = (mark, DateTime.UtcNow);
    }

    private async Task RecordGapsAsync(NpgsqlConnection connection, List<(long From, long To)> gaps, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {options.QuotedSchema}.gaps (from_seq, to_seq) select * from unnest($1::bigint[], $2::bigint[]) on conflict (from_seq) do update set to_seq = greatest(gaps.to_seq, excluded.to_seq)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. gaps.Select(g => g.From)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. gaps.Select(g => g.To)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (from, to) in gaps)
        {
            EventStoreLog.GapSkipped(logger, options.Schema, from, to);
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Observation(long LastTaken, HashSet<long> Running);
}
