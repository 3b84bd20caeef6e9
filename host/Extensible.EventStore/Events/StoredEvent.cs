namespace Extensible.EventStore;

/// <summary>An event as the store keeps it.</summary>
/// <param name="Sequence">Position in the store-wide order.</param>
/// <param name="Id">The event's unique id.</param>
/// <param name="Tenant">The tenant (workspace) the stream belongs to.</param>
/// <param name="StreamId">The stream the event belongs to.</param>
/// <param name="Version">Position in its stream, from 1.</param>
/// <param name="Alias">The stored type alias.</param>
/// <param name="Data">The event body.</param>
/// <param name="Timestamp">When the server stored it (UTC).</param>
/// <param name="Metadata">Correlation, causation, user and headers.</param>
public sealed record StoredEvent(
    long Sequence,
    Guid Id,
    string Tenant,
    string StreamId,
    long Version,
    string Alias,
    object Data,
    DateTimeOffset Timestamp,
    EventMetadata Metadata);
