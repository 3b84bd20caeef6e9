using Extensible.EventStore.Notifications;
using Extensible.EventStore.Reading;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>
/// Extensible's event store: every fact the product learns, appended to named streams through Marten (quick append
/// mode, inline projections in the same transaction) and read back in one store-wide order. One per node.
/// </summary>
public sealed class EventStore
{
    private readonly IDocumentStore _marten;
    private readonly EventStoreOptions _options;
    private readonly GroupCommit _groups;

    internal EventStore(IDocumentStore marten, NpgsqlDataSource dataSource, EventStoreOptions options, ILogger logger)
    {
        _marten = marten;
        _options = options;
        DataSource = dataSource;
        Logger = logger;
        Signal = new EventSignal();
        Notifications = new EventNotifications(dataSource, options, Signal, logger);
        Rows = new EventRows(dataSource, options);
        Pages = new SharedPages(this);
        _groups = new GroupCommit(this);
    }

    /// <summary>The store's settings.</summary>
    public EventStoreOptions Options => _options;

    /// <summary>Marten's store, for projections and queries that need it directly.</summary>
    public IDocumentStore Marten => _marten;

    /// <summary>Whether the schema is up to date on this node (start-up has applied it).</summary>
    public bool IsMigrated { get; internal set; }

    internal NpgsqlDataSource DataSource { get; }

    internal ILogger Logger { get; }

    internal EventSignal Signal { get; }

    internal EventNotifications Notifications { get; }

    internal EventRows Rows { get; }

    /// <summary>The log as this node's subscriptions read it, once for all of them.</summary>
    internal SharedPages Pages { get; }

    /// <summary>Appends events to one stream.</summary>
    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IEnumerable<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        AppendAsync([new StreamAppend(streamId, expectedVersion, [.. events.Select(e => e as NewEvent ?? NewEvent.For(e))])], metadata, cancellationToken);

    /// <summary>
    /// Appends events to one or many streams of one tenant in one transaction: all or nothing. A stream not at its
    /// expected version fails the whole append. Appending the same event ids again (a retry after a lost reply)
    /// answers what was stored and writes nothing.
    /// </summary>
    /// <exception cref="StreamConcurrencyException">A stream was not at its expected version.</exception>
    /// <exception cref="DuplicateEventException">Some event ids are stored already, but this is not a retry of their batch.</exception>
    /// <exception cref="InvalidOperationException">An event's type has no registered alias.</exception>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        metadata ??= EventMetadata.None;
        Check(appends);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(appends, metadata, cancellationToken);
            }
            catch (StreamConcurrencyException e) when (e.ExpectedVersion == ExpectedVersion.Any && attempt < 100)
            {
                // Appends at any version raced for one stream (Marten's quick append reads its version without locking
                // it, and two may both create it): the loser appends again, after a short random pause so that a crowd
                // of writers on one stream thins out. (Locking the stream rows first, on Marten's connection, made
                // Npgsql's automatic preparation confuse two statements: "bind message supplies 13 parameters, but
                // prepared statement requires 2". Many writers of one stream use AppendGroupedAsync instead.)
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(Math.Min(attempt, 20))), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Appends events to one stream at any version, together with the appends other callers make at the same moment
    /// with the same metadata: one transaction for the group, answered when it has committed (group commit). For many
    /// concurrent writers of small appends (a plugin's own events, inbox deliveries); an append that fails fails only
    /// its own caller.
    /// </summary>
    /// <exception cref="DuplicateEventException">Some event ids are stored already, but this is not a retry of their batch.</exception>
    /// <exception cref="InvalidOperationException">An event's type has no registered alias.</exception>
    public Task<AppendResult> AppendGroupedAsync(string streamId, IEnumerable<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        metadata ??= EventMetadata.None;
        var append = new StreamAppend(streamId, ExpectedVersion.Any, [.. events.Select(e => e as NewEvent ?? NewEvent.For(e))]);
        Check([append]);

        // Headers are per transaction and not part of a group's key: such an append goes on its own.
        return metadata.Headers is { Count: > 0 }
            ? AppendAsync([append], metadata, cancellationToken)
            : _groups.AppendAsync(append, metadata, cancellationToken);
    }

    /// <summary>
    /// Appends events decided inside the append's own transaction: <paramref name="decide"/> runs first, on the
    /// transaction's connection (to claim rows with <c>FOR UPDATE SKIP LOCKED</c>, say), and returns what to append to
    /// streams of <paramref name="metadata"/>'s tenant. The rows it locked or changed commit with the events and their
    /// inline projections, or not at all. When it returns nothing, nothing is written and the answer is
    /// <see langword="null"/>. <paramref name="decide"/> runs again when the append is retried after a race on a stream.
    /// </summary>
    /// <exception cref="StreamConcurrencyException">A stream was not at its expected version.</exception>
    /// <exception cref="InvalidOperationException">An event's type has no registered alias.</exception>
    public async Task<AppendResult?> AppendDecidedAsync(
        Func<NpgsqlConnection, CancellationToken, Task<IReadOnlyList<StreamAppend>>> decide, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        metadata ??= EventMetadata.None;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = _marten.LightweightSession(metadata.Tenant);
                await session.BeginTransactionAsync(cancellationToken);
                var appends = await decide(session.Connection!, cancellationToken);
                if (appends.Count == 0)
                {
                    return null;
                }

                Check(appends);

                return await TryAppendAsync(appends, metadata, cancellationToken, session);
            }
            catch (StreamConcurrencyException e) when (e.ExpectedVersion == ExpectedVersion.Any && attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(Math.Min(attempt, 20))), cancellationToken);
            }
        }
    }

    private async Task<AppendResult> TryAppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken cancellationToken, IDocumentSession? open = null)
    {
        await using var owned = open is null ? _marten.LightweightSession(metadata.Tenant) : null;
        var session = open ?? owned!;

        session.CorrelationId = metadata.CorrelationId;
        session.CausationId = metadata.CausationId;
        session.LastModifiedBy = metadata.User;
        foreach (var (name, value) in metadata.Headers ?? new Dictionary<string, string>())
        {
            session.SetHeader(name, value);
        }

        var pending = new List<(StreamAppend Append, IEvent Event)>();
        foreach (var append in appends)
        {
            var data = append.Events.Select(e => e.Data).ToArray();
            var action = append.ExpectedVersion switch
            {
                ExpectedVersion.NoStream => session.Events.StartStream(append.StreamId, data),
                ExpectedVersion.Any => session.Events.Append(append.StreamId, data),
                var version => session.Events.Append(append.StreamId, version + data.Length, data),
            };
            for (var i = 0; i < append.Events.Count; i++)
            {
                action.Events[i].Id = append.Events[i].Id;
                pending.Add((append, action.Events[i]));
            }
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (IsDuplicateId(e))
        {
            return await FindStoredAsync(appends, metadata, cancellationToken)
                ?? throw new DuplicateEventException(await Rows.FindAnyStoredIdAsync([.. pending.Select(p => p.Event.Id)], cancellationToken));
        }
        catch (Exception e) when (e is EventStreamUnexpectedMaxEventIdException or global::Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
            || IsStreamCollision(e))
        {
            // A retry of a batch that was stored already fails on its version: answer what was stored.
            if (await FindStoredAsync(appends, metadata, cancellationToken) is { } replayed)
            {
                return replayed;
            }

            throw await ConcurrencyFailureAsync(appends, metadata.Tenant, e, cancellationToken);
        }

        Notifications.Committed();
        return new AppendResult([.. pending.Select(p => new StoredEvent(p.Event.Sequence, p.Event.Id, metadata.Tenant, p.Append.StreamId, p.Event.Version,
            _options.Events.AliasOf(p.Event.Data.GetType()), p.Event.Data, p.Event.Timestamp, metadata))], Replayed: false);
    }

    /// <summary>Reads one stream's events between two versions (inclusive), oldest first.</summary>
    /// <exception cref="EventDeserializationException">An event's type alias is unknown or its body no longer fits its type.</exception>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, long toVersion = long.MaxValue, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        var rows = await Rows.ReadStreamAsync(tenant, streamId, fromVersion, toVersion, cancellationToken);
        return [.. rows.Select(r => r.Deserialize(_options.Events))];
    }

    /// <summary>
    /// Reads committed events after <paramref name="afterSequence"/> in store-wide order (all tenants), passing over
    /// none that might still commit (see <see cref="EventSubscription"/>).
    /// </summary>
    /// <exception cref="EventDeserializationException">An event's type alias is unknown or its body no longer fits its type.</exception>
    public async Task<EventPage> ReadAllAsync(long afterSequence, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        var page = await Rows.ReadCommittedAsync(afterSequence, maxCount, null, cancellationToken);
        return new EventPage([.. page.Events.Select(r => r.Deserialize(_options.Events))], page.Position);
    }

    /// <summary>A stream's version and state, or null when it does not exist.</summary>
    public async Task<StreamState?> GetStreamAsync(string streamId, string tenant = EventMetadata.DefaultTenant, CancellationToken cancellationToken = default)
    {
        await using var session = _marten.QuerySession(tenant);
        var state = await session.Events.FetchStreamStateAsync(streamId, cancellationToken);
        return state is null
            ? null
            : new StreamState(tenant, streamId, state.AggregateType?.Name, state.Version, state.Created, state.LastTimestamp, state.IsArchived);
    }

    /// <summary>The sequence of the newest event stored (what a follower that only wants what happens from now on starts after).</summary>
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default) => Rows.LastSequenceAsync(cancellationToken);

    private static bool IsDuplicateId(Exception e) => IsUniqueViolationOn(e, "event_id");

    // Two appends at any version that both found the stream missing: both insert it, the second fails on its key.
    // Two appends at any version to one stream that both read the same version: the second fails on the event's version.
    private static bool IsStreamCollision(Exception e) => IsUniqueViolationOn(e, "mt_streams") || IsUniqueViolationOn(e, "stream_and_version");

    private static bool IsUniqueViolationOn(Exception e, string constraint) =>
        e is MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } inner }
        && inner.ConstraintName?.Contains(constraint, StringComparison.Ordinal) == true;

    // What every append is held to before anything is written.
    private void Check(IReadOnlyList<StreamAppend> appends)
    {
        if (appends.Count == 0)
        {
            throw new ArgumentException("Nothing to append: give at least one stream.", nameof(appends));
        }

        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (string.IsNullOrEmpty(append.StreamId) || append.Events.Count == 0 || append.ExpectedVersion < ExpectedVersion.Any)
            {
                throw new ArgumentException($"Append #{i + 1} needs a stream id, at least one event and an expected version of -1 or more.", nameof(appends));
            }

            if (appends.Take(i).Any(a => a.StreamId == append.StreamId))
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append: merge its events.", nameof(appends));
            }

            foreach (var e in append.Events)
            {
                // Marten would store any type under its CLR name; the product refuses what nobody registered, before writing.
                _options.Events.EnsureRegistered(e.Data);
            }
        }
    }

    private async Task<AppendResult?> FindStoredAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var ids = appends.SelectMany(a => a.Events.Select(e => (a.StreamId, e.Id))).ToList();
        var stored = await Rows.ReadByIdsAsync([.. ids.Select(i => i.Id)], cancellationToken);
        if (stored.Count != ids.Count || ids.Any(i => stored.FirstOrDefault(s => s.Id == i.Id) is not { } s || s.StreamId != i.StreamId || s.Tenant != metadata.Tenant))
        {
            return null;
        }

        return new AppendResult([.. ids.Select(i => stored.First(s => s.Id == i.Id).Deserialize(_options.Events))], Replayed: true);
    }

    private async Task<StreamConcurrencyException> ConcurrencyFailureAsync(IReadOnlyList<StreamAppend> appends, string tenant, Exception e, CancellationToken cancellationToken)
    {
        foreach (var append in appends.Where(a => a.ExpectedVersion != ExpectedVersion.Any))
        {
            var actual = (await GetStreamAsync(append.StreamId, tenant, cancellationToken))?.Version ?? 0;
            if (actual != append.ExpectedVersion)
            {
                return new StreamConcurrencyException(tenant, append.StreamId, append.ExpectedVersion, actual, e);
            }
        }

        // Only streams appended at any version collided (their creation raced): the caller may simply try again.
        var any = appends[0];
        return new StreamConcurrencyException(tenant, any.StreamId, ExpectedVersion.Any, (await GetStreamAsync(any.StreamId, tenant, cancellationToken))?.Version ?? 0, e);
    }
}
