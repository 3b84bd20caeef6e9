namespace Extensible.EventStore.Reading;

internal sealed record RawPage(IReadOnlyList<RawEvent> Events, long HighWaterMark);
