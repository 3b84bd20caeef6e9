namespace Extensible.EventStore;

/// <summary>
/// Some, but not all, of a batch's event ids are already stored (or stored in another stream): the batch is
/// neither new nor a retry of an earlier one. Nothing was written.
/// </summary>
public sealed class DuplicateEventException(Guid eventId)
    : Exception($"Event {eventId} is already stored, but the batch it came in is not a retry of the batch that stored it; nothing was appended.")
{
    /// <summary>The event id already stored.</summary>
    public Guid EventId { get; } = eventId;
}
