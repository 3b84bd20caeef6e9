using System.Text.Json;
using Extensible.EventStore.Notifications;
using Extensible.EventStore.Reading;
using Extensible.EventStore.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Extensible.EventStore;

/// <summary>
/// Extensible's event store: every fact the product learns, appended to streams in PostgreSQL and read back
/// in one store-wide order. One instance per database per node.
/// </summary>
public sealed class EventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventStoreOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IProjection> _inline;
    private readonly string _appendOneSql;

    /// <summary>Creates a store over <paramref name="dataSource"/>; call <see cref="MigrateAsync"/> before use.</summary>
    public EventStore(NpgsqlDataSource dataSource, EventStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Extensible.EventStore");
        _inline = options.Projections.Inline;
        var schema = options.QuotedSchema;
        _appendOneSql = $"""
            with updated as (
                update {schema}.streams as s set version = s.version + 1, updated = now()
                 where s.tenant = $1 and s.id = $2 and not s.archived and ($4 = -1 or s.version = $4)
                returning s.version - 1 as base),
            created as (
                insert into {schema}.streams (tenant, id, type, version)
                select $1, $2, $3, 1 where $4 in (-1, 0) and not exists (select from updated)
                on conflict do nothing
                returning 0::bigint as base),
            stream as (select base from updated union all select base from created)
            insert into {schema}.events (seq, id, tenant, stream_id, version, type, data, correlation_id, causation_id, user_name, headers)
            select nextval('{schema}.events_seq'), $5, $1, $2, stream.base + 1, $6, $7, $8, $9, $10, $11 from stream
            returning seq, version, timestamp
            """;
        Signal = new EventSignal();
        Notifications = new EventNotifications(dataSource, options, Signal, _logger);
        HighWater = new HighWaterMark(dataSource, options, _logger);
    }

    /// <summary>The store's settings.</summary>
    public EventStoreOptions Options => _options;

    internal NpgsqlDataSource DataSource => _dataSource;

    internal ILogger Logger => _logger;

    internal EventSignal Signal { get; }

    internal EventNotifications Notifications { get; }

    internal HighWaterMark HighWater { get; }

    /// <summary>Whether <see cref="MigrateAsync"/> has completed on this node.</summary>
    public bool IsMigrated { get; private set; }

    /// <summary>Creates or updates the store's schema and the projections' tables; safe to run on several nodes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await new SchemaMigrator(_dataSource, _options, _logger).MigrateAsync(cancellationToken);
        IsMigrated = true;
    }

    /// <summary>Appends events to one stream.</summary>
    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IEnumerable<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        AppendAsync([new StreamAppend(streamId, expectedVersion, [.. events.Select(e => e as NewEvent ?? NewEvent.For(e))])], metadata, cancellationToken);

    /// <summary>
    /// Appends events to one or many streams in one round trip and one transaction: all or nothing. Every
    /// stream's expected version is checked before any sequence number is taken.
    /// </summary>
    /// <exception cref="StreamConcurrencyException">A stream was not at its expected version.</exception>
    /// <exception cref="StreamArchivedException">A stream is archived.</exception>
    /// <exception cref="DuplicateEventException">Some event ids are stored already, but this is not a retry of their batch.</exception>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        metadata ??= EventMetadata.None;
        var events = Serialize(appends);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            if (_inline.Count > 0)
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken);
            }

            var stored = await TryAppendOneAsync(connection, transaction, appends[0], events, metadata, cancellationToken);
            if (stored is null)
            {
                await using var command = BuildAppendCall(appends, events, metadata);
                command.Connection = connection;
                command.Transaction = transaction;
                // Prepared once per physical connection, then reused: planning the call costs more than running it.
                await command.PrepareAsync(cancellationToken);
                stored = await ReadAppendResultAsync(command, events, metadata, cancellationToken);
            }

            if (transaction is not null)
            {
                foreach (var projection in _inline)
                {
                    await projection.ApplyAsync(new ProjectionBatch(connection, transaction, stored.Events), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            Notifications.Committed();
            return stored;
        }
        catch (PostgresException e) when (e.SqlState is "EXCON" or "EXARC" || e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "events_id_key" })
        {
            // A retry of a batch that was stored already fails on its version or its ids: answer what was stored.
            var replayed = await FindStoredAsync(events, metadata, cancellationToken);
            if (replayed is not null)
            {
                return replayed;
            }

            throw e.SqlState switch
            {
                "EXCON" => new StreamConcurrencyException(metadata.Tenant, e.ColumnName!, appends.First(a => a.StreamId == e.ColumnName).ExpectedVersion,
                    long.Parse(e.Hint!, System.Globalization.CultureInfo.InvariantCulture)),
                "EXARC" => new StreamArchivedException(metadata.Tenant, e.ColumnName!),
                _ => new DuplicateEventException(await FindAnyStoredIdAsync(events, cancellationToken)),
            };
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>Reads one stream's events between two versions (inclusive), oldest first.</summary>
    /// <exception cref="EventDeserializationException">An event's type alias is unknown or its body no longer fits its type.</exception>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, long toVersion = long.MaxValue, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"select {EventRows.Columns} from {_options.QuotedSchema}.events where tenant = $1 and stream_id = $2 and version between $3 and $4 order by version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromVersion });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toVersion });
        var rows = await EventRows.ReadAsync(command, cancellationToken);
        return [.. rows.Select(r => r.Deserialize(_options.Events))];
    }

    /// <summary>
    /// Reads events after <paramref name="afterSequence"/> in store-wide order, never past the high-water mark:
    /// an event whose predecessor might still commit is not returned yet.
    /// </summary>
    /// <exception cref="EventDeserializationException">An event's type alias is unknown or its body no longer fits its type.</exception>
    public async Task<EventPage> ReadAllAsync(long afterSequence, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        var page = await ReadRawAsync(afterSequence, maxCount, cancellationToken);
        return new EventPage([.. page.Events.Select(r => r.Deserialize(_options.Events))], page.HighWaterMark);
    }

    /// <summary>Folds a stream's events into a state, oldest first.</summary>
    public async Task<Aggregate<TState>> AggregateAsync<TState>(string streamId, TState initial, Func<TState, StoredEvent, TState> apply, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var state = initial;
        long version = 0;
        foreach (var e in await ReadStreamAsync(streamId, tenant: tenant, cancellationToken: cancellationToken))
        {
            state = apply(state, e);
            version = e.Version;
        }

        return new Aggregate<TState>(state, version);
    }

    /// <summary>A stream's version and state, or null when it does not exist.</summary>
    public async Task<StreamState?> GetStreamAsync(string streamId, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"select type, version, created, updated, archived from {_options.QuotedSchema}.streams where tenant = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StreamState(tenant, streamId, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), reader.GetBoolean(4))
            : null;
    }

    /// <summary>Archives a stream: its events stay readable and it takes no more.</summary>
    public async Task ArchiveStreamAsync(string streamId, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"update {_options.QuotedSchema}.streams set archived = true, updated = now() where tenant = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"Stream '{streamId}' (tenant '{tenant}') does not exist.");
        }
    }

    /// <summary>Finds the current high-water mark: every event up to it is committed or can never exist.</summary>
    public Task<long> GetHighWaterMarkAsync(CancellationToken cancellationToken = default) => HighWater.DetectAsync(cancellationToken);

    internal async Task<RawPage> ReadRawAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var mark = await HighWater.DetectAsync(cancellationToken);
        if (mark <= afterSequence)
        {
            return new RawPage([], mark);
        }

        await using var command = _dataSource.CreateCommand(
            $"select {EventRows.Columns} from {_options.QuotedSchema}.events where seq > $1 and seq <= $2 order by seq limit $3");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = mark });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        return new RawPage(await EventRows.ReadAsync(command, cancellationToken), mark);
    }

    /// <summary>
    /// The common case, one event to one stream, in one prepared statement instead of a function call. It answers
    /// only when the stream was at the expected version (or new, or any) and not archived; otherwise it writes
    /// nothing and takes no sequence number, and the append function runs instead to tell what went wrong.
    /// Its update or insert of the stream row comes before nextval, so the transaction id comes first, as the
    /// high-water mark needs.
    /// </summary>
    private async Task<AppendResult?> TryAppendOneAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamAppend append, List<(string StreamId, NewEvent Event, string Alias, string Body)> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (events.Count != 1)
        {
            return null;
        }

        var (streamId, e, alias, body) = events[0];
        await using var command = new NpgsqlCommand(_appendOneSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Tenant });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)append.StreamType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = e.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alias });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body, NpgsqlDbType = NpgsqlDbType.Jsonb });
        AddMetadata(command, metadata);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var stored = new StoredEvent(reader.GetInt64(0), e.Id, metadata.Tenant, streamId, reader.GetInt64(1), alias, e.Data,
            new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), metadata);
        return new AppendResult([stored], Replayed: false);
    }

    private static void AddMetadata(NpgsqlCommand command, EventMetadata metadata)
    {
        command.Parameters.Add(Nullable(metadata.CorrelationId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(metadata.CausationId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(metadata.User, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(
            metadata.Headers is null ? null : JsonSerializer.Serialize(metadata.Headers.ToDictionary(), EventStoreJsonContext.Default.DictionaryStringString),
            NpgsqlDbType.Jsonb));

        static NpgsqlParameter Nullable(string? value, NpgsqlDbType type) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };
    }

    private List<(string StreamId, NewEvent Event, string Alias, string Body)> Serialize(IReadOnlyList<StreamAppend> appends)
    {
        if (appends.Count == 0)
        {
            throw new ArgumentException("Nothing to append: give at least one stream.", nameof(appends));
        }

        var events = new List<(string StreamId, NewEvent Event, string Alias, string Body)>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (string.IsNullOrEmpty(append.StreamId) || append.Events.Count == 0 || append.ExpectedVersion < ExpectedVersion.Any)
            {
                throw new ArgumentException($"Append #{i + 1} needs a stream id, at least one event and an expected version of -1 or more.", nameof(appends));
            }

            for (var j = 0; j < i; j++)
            {
                if (appends[j].StreamId == append.StreamId)
                {
                    throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append: merge its events.", nameof(appends));
                }
            }

            foreach (var e in append.Events)
            {
                var body = _options.Events.Serialize(e.Data, out var alias);
                events.Add((append.StreamId, e, alias, body));
            }
        }

        return events;
    }

    private NpgsqlCommand BuildAppendCall(IReadOnlyList<StreamAppend> appends, List<(string StreamId, NewEvent Event, string Alias, string Body)> events, EventMetadata metadata)
    {
        var command = new NpgsqlCommand($"select * from {_options.QuotedSchema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Tenant });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. appends.Select(a => a.StreamId)] });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. appends.Select(a => a.ExpectedVersion)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. appends.Select(a => (long)a.Events.Count)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.Event.Id)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. appends.SelectMany((a, i) => Enumerable.Repeat(i + 1, a.Events.Count))] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => e.Alias)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. events.Select(e => e.Body)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        AddMetadata(command, metadata);
        return command;
    }

    private static async Task<AppendResult> ReadAppendResultAsync(NpgsqlCommand command, List<(string StreamId, NewEvent Event, string Alias, string Body)> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, long Version, DateTime Timestamp)>(events.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetDateTime(2)));
            }
        }

        // Sequence numbers ascend in the order the events were given.
        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var stored = new StoredEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (streamId, e, alias, _) = events[i];
            stored[i] = new StoredEvent(rows[i].Seq, e.Id, metadata.Tenant, streamId, rows[i].Version, alias, e.Data,
                new DateTimeOffset(rows[i].Timestamp, TimeSpan.Zero), metadata);
        }

        return new AppendResult(stored, Replayed: false);
    }

    /// <summary>The batch as stored, when every one of its events is stored already (in this tenant); otherwise null.</summary>
    private async Task<AppendResult?> FindStoredAsync(List<(string StreamId, NewEvent Event, string Alias, string Body)> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select id, seq, version, timestamp, stream_id from {_options.QuotedSchema}.events where tenant = $1 and id = any($2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Tenant });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.Event.Id)] });
        var found = new Dictionary<Guid, (long Seq, long Version, DateTime Timestamp, string StreamId)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetDateTime(3), reader.GetString(4));
            }
        }

        if (found.Count != events.Count || events.Any(e => found[e.Event.Id].StreamId != e.StreamId))
        {
            return null;
        }

        return new AppendResult(
            [.. events.Select(e =>
            {
                var row = found[e.Event.Id];
                return new StoredEvent(row.Seq, e.Event.Id, metadata.Tenant, e.StreamId, row.Version, e.Alias, e.Event.Data, new DateTimeOffset(row.Timestamp, TimeSpan.Zero), metadata);
            })],
            Replayed: true);
    }

    private async Task<Guid> FindAnyStoredIdAsync(List<(string StreamId, NewEvent Event, string Alias, string Body)> events, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"select id from {_options.QuotedSchema}.events where id = any($1) limit 1");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.Event.Id)] });
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
