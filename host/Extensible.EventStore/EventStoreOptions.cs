using System.Text.RegularExpressions;

namespace Extensible.EventStore;

/// <summary>Settings of the event store, bound from <c>Extensible:EventStore</c>.</summary>
public sealed partial class EventStoreOptions
{
    /// <summary>The PostgreSQL schema holding Marten's tables and every read model.</summary>
    public string Schema { get; set; } = "extensible";

    /// <summary>How often followers look for new events when no notification arrives (the safety net).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a node that does not run the async projections checks whether it should (Marten's leadership polling).</summary>
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this node may run Marten's async daemon (one node at a time does: hot/cold leadership).</summary>
    public bool RunDaemon { get; set; } = true;

    /// <summary>The event types the store knows, by stable alias.</summary>
    public EventTypeRegistry Events { get; } = new();

    internal void Validate()
    {
        if (!SchemaName().IsMatch(Schema))
        {
            throw new InvalidOperationException(
                $"Extensible:EventStore:Schema '{Schema}' is not a valid schema name: use lower-case letters, digits and underscores, starting with a letter (at most 50 characters).");
        }

        if (PollInterval <= TimeSpan.Zero || LeaderRetryInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Extensible:EventStore: PollInterval and LeaderRetryInterval must be positive.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex SchemaName();
}
