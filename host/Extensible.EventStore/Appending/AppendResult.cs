namespace Extensible.EventStore;

/// <summary>What an append stored.</summary>
/// <param name="Events">The stored events, in the order given.</param>
/// <param name="Replayed">True when every event id was already stored (an idempotent retry) and nothing new was written.</param>
public sealed record AppendResult(IReadOnlyList<StoredEvent> Events, bool Replayed)
{
    /// <summary>The highest sequence number of the batch.</summary>
    public long LastSequence => Events.Count == 0 ? 0 : Events.Max(e => e.Sequence);

    /// <summary>The version a stream is at after the append.</summary>
    public long VersionOf(string streamId) => Events.Where(e => e.StreamId == streamId).Max(e => e.Version);
}
