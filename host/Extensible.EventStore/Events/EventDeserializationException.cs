namespace Extensible.EventStore;

/// <summary>A stored event that cannot be turned back into its type: unknown alias or a body that no longer fits.</summary>
public sealed class EventDeserializationException(long sequence, string streamId, string alias, string reason, Exception? inner)
    : Exception($"Event #{sequence} in stream '{streamId}' (type '{alias}') cannot be read: {reason}.", inner)
{
    /// <summary>The event's global sequence number.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The stream the event belongs to.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>The stored type alias.</summary>
    public string Alias { get; } = alias;
}
