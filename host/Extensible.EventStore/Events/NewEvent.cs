namespace Extensible.EventStore;

/// <summary>
/// An event about to be appended. The id makes appends idempotent: appending the same ids again
/// (a retry after a lost reply) returns the stored events instead of writing them twice.
/// </summary>
/// <param name="Id">The event's unique id.</param>
/// <param name="Data">The event body, an instance of a registered event type.</param>
public sealed record NewEvent(Guid Id, object Data)
{
    /// <summary>A new event with a fresh time-ordered id.</summary>
    public static NewEvent For(object data) => new(Guid.CreateVersion7(), data);
}
