namespace Extensible.EventStore.Reading;

/// <summary>An event row before its body is deserialized; what projections dead-letter when it cannot be.</summary>
internal sealed record RawEvent(
    long Sequence,
    Guid Id,
    string Tenant,
    string StreamId,
    long Version,
    string Alias,
    string Json,
    DateTimeOffset Timestamp,
    EventMetadata Metadata);
