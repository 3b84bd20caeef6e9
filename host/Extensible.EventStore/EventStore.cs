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

    /// <summary>Creates a store over <paramref name="dataSource"/>; call <see cref="MigrateAsync"/> before use.</summary>
    public EventStore(NpgsqlDataSource dataSource, EventStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Extensible.EventStore");
        _inline = options.Projections.Inline;
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
        var command = BuildAppend(appends, metadata, out var events);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        await using var _ = command;
        NpgsqlTransaction? transaction = null;
        try
        {
            if (_inline.Count > 0)
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                command.Transaction = transaction;
            }

            var stored = await ReadAppendResultAsync(command, events, metadata, cancellationToken);
            if (transaction is not null)
            {
                if (!stored.Replayed)
                {
                    foreach (var projection in _inline)
                    {
                        await projection.ApplyAsync(new ProjectionBatch(connection, transaction, stored.Events), cancellationToken);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }

            if (!stored.Replayed)
            {
                Notifications.Committed();
            }

            return stored;
        }
        catch (PostgresException e) when (e.SqlState is "EXCON" or "EXARC" or "EXDUP" || e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "events_id_key" })
        {
            throw e.SqlState == PostgresErrorCodes.UniqueViolation
                ? new DuplicateEventException(await FindStoredIdAsync(appends, cancellationToken))
                : Translate(e, appends, metadata);
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

    private NpgsqlCommand BuildAppend(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, out List<(string StreamId, NewEvent Event, string Alias)> events)
    {
        if (appends.Count == 0)
        {
            throw new ArgumentException("Nothing to append: give at least one stream.", nameof(appends));
        }

        var streams = new string[appends.Count];
        var types = new string?[appends.Count];
        var expected = new long[appends.Count];
        events = [];
        var ids = new List<Guid>();
        var aliases = new List<string>();
        var bodies = new List<string>();
        var streamIndexes = new List<int>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (string.IsNullOrEmpty(append.StreamId) || append.Events.Count == 0 || append.ExpectedVersion < ExpectedVersion.Any)
            {
                throw new ArgumentException($"Append #{i + 1} needs a stream id, at least one event and an expected version of -1 or more.", nameof(appends));
            }

            if (Array.IndexOf(streams, append.StreamId, 0, i) >= 0)
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append: merge its events.", nameof(appends));
            }

            streams[i] = append.StreamId;
            types[i] = append.StreamType;
            expected[i] = append.ExpectedVersion;
            foreach (var e in append.Events)
            {
                bodies.Add(_options.Events.Serialize(e.Data, out var alias));
                aliases.Add(alias);
                ids.Add(e.Id);
                streamIndexes.Add(i + 1);
                events.Add((append.StreamId, e, alias));
            }
        }

        var command = new NpgsqlCommand($"select * from {_options.QuotedSchema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.Tenant });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streams });
        command.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = expected });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. streamIndexes] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. aliases] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. bodies], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(Nullable(metadata.CorrelationId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(metadata.CausationId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(metadata.User, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(
            metadata.Headers is null ? null : JsonSerializer.Serialize(metadata.Headers.ToDictionary(), EventStoreJsonContext.Default.DictionaryStringString),
            NpgsqlDbType.Jsonb));
        return command;

        static NpgsqlParameter Nullable(string? value, NpgsqlDbType type) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };
    }

    private static async Task<AppendResult> ReadAppendResultAsync(NpgsqlCommand command, List<(string StreamId, NewEvent Event, string Alias)> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, long Version, DateTime Timestamp, bool Replayed)>(events.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetDateTime(2), reader.GetBoolean(3)));
            }
        }

        // Sequence numbers ascend in the order the events were given.
        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var stored = new StoredEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (streamId, e, alias) = events[i];
            stored[i] = new StoredEvent(rows[i].Seq, e.Id, metadata.Tenant, streamId, rows[i].Version, alias, e.Data,
                new DateTimeOffset(rows[i].Timestamp, TimeSpan.Zero), metadata);
        }

        return new AppendResult(stored, rows.Count > 0 && rows[0].Replayed);
    }

    private static Exception Translate(PostgresException e, IReadOnlyList<StreamAppend> appends, EventMetadata metadata)
    {
        switch (e.SqlState)
        {
            case "EXCON":
                var append = appends.First(a => a.StreamId == e.ColumnName);
                return new StreamConcurrencyException(metadata.Tenant, append.StreamId, append.ExpectedVersion,
                    long.Parse(e.Hint!, System.Globalization.CultureInfo.InvariantCulture));
            case "EXARC":
                return new StreamArchivedException(metadata.Tenant, e.ColumnName!);
            case "EXDUP":
                return new DuplicateEventException(Guid.Parse(e.ColumnName!));
            default:
                throw new InvalidOperationException($"Unexpected error {e.SqlState}.", e);
        }
    }

    private async Task<Guid> FindStoredIdAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"select id from {_options.QuotedSchema}.events where id = any($1) limit 1");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. appends.SelectMany(a => a.Events).Select(e => e.Id)] });
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
