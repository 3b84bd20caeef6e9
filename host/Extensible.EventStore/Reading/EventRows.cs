using System.Text.Json;
using Npgsql;

namespace Extensible.EventStore.Reading;

/// <summary>
/// Reads Marten's event table directly, for the readers Marten has no API for: followers on every node, reads across
/// all tenants, retries by event id. The one place that knows the column list. Bodies are turned back by alias
/// afterwards, so one unknown alias fails one event, not the whole read.
/// </summary>
internal sealed class EventRows(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    /// <summary>How long a hole may hold followers back at most (Marten's daemon uses the same order of magnitude).</summary>
    public static readonly TimeSpan StaleGap = TimeSpan.FromSeconds(3);

    private const string Columns =
        "seq_id, id, tenant_id, stream_id, version, type, data::text, timestamp, correlation_id, causation_id, user_name, headers::text";

    private string Table => $"\"{options.Schema}\".mt_events";

    public async Task<List<RawEvent>> ReadStreamAsync(string tenant, string streamId, long fromVersion, long toVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {Table} where tenant_id = $1 and stream_id = $2 and version between $3 and $4 order by version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromVersion });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toVersion });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<List<RawEvent>> ReadByIdsAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from {Table} where id = any($1) order by seq_id");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Guid> FindAnyStoredIdAsync(Guid[] ids, CancellationToken cancellationToken) =>
        (await ReadByIdsAsync(ids, cancellationToken)).Select(e => e.Id).FirstOrDefault();

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {Table}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The oldest transaction running in this database (PostgreSQL's own snapshot xmin is server-wide: a long transaction in
    // another database of the server would hold every follower back), as a 64-bit id: the server's xid of each session
    // of ours, widened with the epoch of the snapshot's xmax (an xid above xmax's low half is of the epoch before). Sessions
    // of other roles show no xid; only this database's writers (one role) append events. Nothing running: xmax itself.
    private const string RunningSql =
        """
        select coalesce(min(((s.xmax >> 32) - case when a.backend_xid::text::bigint > (s.xmax & 4294967295) then 1 else 0 end) * 4294967296
                            + a.backend_xid::text::bigint), min(s.xmax)), min(s.xmax)
          from (select pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xmax) s
          left join pg_stat_activity a on a.datname = current_database() and a.backend_xid is not null and a.pid <> pg_backend_pid()
        """;

    /// <summary>
    /// Events after <paramref name="afterSequence"/> that are committed and will never have an earlier one commit after
    /// them. Sequence numbers are taken before commit, so a hole below a visible event is a transaction still running
    /// or one that rolled back. A hole is passed over only once every transaction that was running when it was first
    /// seen has ended (<paramref name="gap"/> carries that from one read to the next); until then the page stops
    /// before it.
    /// </summary>
    public async Task<CommittedPage> ReadCommittedAsync(long afterSequence, int maxCount, PendingGap? gap, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both questions: what is visible, and which transactions were still running.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long oldestRunning, nextUnstarted;
        await using (var snapshot = new NpgsqlCommand(RunningSql, connection, transaction))
        await using (var reader = await snapshot.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            oldestRunning = reader.GetInt64(0);
            nextUnstarted = reader.GetInt64(1);
        }

        await using var command = new NpgsqlCommand($"select {Columns} from {Table} where seq_id > $1 order by seq_id limit $2", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var rows = await ReadAsync(command, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Holes up to this sequence can no longer fill: nothing ran when they were seen, or all that ran has ended.
        // Only this database's transactions count (RunningSql); one that stays open for long must not hold followers back
        // for ever: a hole older than StaleGap is passed over too, as Marten's daemon does.
        var settledUpTo = oldestRunning == nextUnstarted ? long.MaxValue
            : gap is not null && (oldestRunning >= gap.NextUnstarted || Environment.TickCount64 - gap.SeenAt >= (long)StaleGap.TotalMilliseconds) ? gap.HighestSeen
            : afterSequence;
        var accepted = new List<RawEvent>(rows.Count);
        var position = afterSequence;
        foreach (var row in rows)
        {
            // Compared as Sequence - 1, not settledUpTo + 1: nothing running settles everything (long.MaxValue), and + 1 overflowed.
            if (row.Sequence != position + 1 && row.Sequence - 1 > settledUpTo)
            {
                var pending = gap is not null && gap.HighestSeen > position ? gap : new PendingGap(nextUnstarted, rows[^1].Sequence, Environment.TickCount64);
                return new CommittedPage(accepted, position, pending);
            }

            // Marten takes the sequence numbers of a failed append back with a tombstone event: a number settled, no product event.
            if (!row.IsMartenTombstone)
            {
                accepted.Add(row);
            }

            position = row.Sequence;
        }

        return new CommittedPage(accepted, position, null);
    }

    private static async Task<List<RawEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<RawEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tenant = reader.GetString(2);
            rows.Add(new RawEvent(
                reader.GetInt64(0),
                reader.GetGuid(1),
                tenant,
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetString(5),
                reader.GetString(6),
                new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
                new EventMetadata
                {
                    Tenant = tenant,
                    CorrelationId = reader.IsDBNull(8) ? null : reader.GetString(8),
                    CausationId = reader.IsDBNull(9) ? null : reader.GetString(9),
                    User = reader.IsDBNull(10) ? null : reader.GetString(10),
                    Headers = reader.IsDBNull(11) ? null : Headers(reader.GetString(11)),
                }));
        }

        return rows;
    }

    private static Dictionary<string, string>? Headers(string json)
    {
        // Marten writes JSON null when an append carried no headers.
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object ? null : document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
    }
}

/// <summary>Committed events in order, the position reached, and a hole still waited on (if any).</summary>
internal sealed record CommittedPage(IReadOnlyList<RawEvent> Events, long Position, PendingGap? Gap);

/// <summary>
/// A hole in the sequence seen by an earlier read: it can no longer fill once PostgreSQL's oldest running transaction
/// is at or past <paramref name="NextUnstarted"/> (every transaction running then has ended), or once it is older than
/// <see cref="EventRows.StaleGap"/> (<paramref name="SeenAt"/>: <see cref="Environment.TickCount64"/> when first seen).
/// </summary>
internal sealed record PendingGap(long NextUnstarted, long HighestSeen, long SeenAt);
