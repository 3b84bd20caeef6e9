namespace Extensible.EventStore;

/// <summary>A page of events in store-wide order.</summary>
/// <param name="Events">The events, by ascending sequence.</param>
/// <param name="HighWaterMark">The high-water mark the page was read under.</param>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long HighWaterMark)
{
    /// <summary>The sequence to read after next time.</summary>
    public long LastSequence(long afterSequence) => Events.Count == 0 ? afterSequence : Events[^1].Sequence;
}
