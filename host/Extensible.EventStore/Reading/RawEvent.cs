namespace Extensible.EventStore.Reading;

/// <summary>An event row before its body is turned back into its type.</summary>
internal sealed record RawEvent(
    long Sequence,
    Guid Id,
    string Tenant,
    string StreamId,
    long Version,
    string Alias,
    string Json,
    DateTimeOffset Timestamp,
    EventMetadata Metadata)
{
    /// <summary>Marten's stream of tombstones: events it appends after a failed append, to settle the sequence numbers it took.</summary>
    public const string MartenTombstoneStream = "mt_tombstone";

    public bool IsMartenTombstone => StreamId == MartenTombstoneStream && Alias == "tombstone";

    public StoredEvent Deserialize(EventTypeRegistry registry) =>
        new(Sequence, Id, Tenant, StreamId, Version, Alias, registry.Deserialize(Alias, Json, Sequence, StreamId), Timestamp, Metadata);
}
