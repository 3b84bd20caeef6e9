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
    public StoredEvent Deserialize(EventTypeRegistry registry) =>
        new(Sequence, Id, Tenant, StreamId, Version, Alias, registry.Deserialize(Alias, Json, Sequence, StreamId), Timestamp, Metadata);
}
