using System.Text.RegularExpressions;

namespace Extensible.EventStore;

/// <summary>Settings of the event store, bound from <c>Extensible:EventStore</c>.</summary>
public sealed partial class EventStoreOptions
{
    /// <summary>The PostgreSQL schema holding the store's tables and functions.</summary>
    public string Schema { get; set; } = "extensible";

    /// <summary>How often readers look for new events when no notification arrives (the safety net).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many events an async projection applies per transaction.</summary>
    public int ProjectionBatchSize { get; set; } = 500;

    /// <summary>How often a node that is not the leader of a projection tries to become it.</summary>
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this node runs the async projection daemon.</summary>
    public bool RunDaemon { get; set; } = true;

    /// <summary>The projections the store maintains.</summary>
    public ProjectionRegistry Projections { get; } = new();

    /// <summary>The event types the store knows, by stable alias.</summary>
    public EventTypeRegistry Events { get; } = new();

    internal string QuotedSchema => '"' + Schema + '"';

    internal void Validate()
    {
        if (!SchemaName().IsMatch(Schema))
        {
            throw new InvalidOperationException(
                $"Extensible:EventStore:Schema '{Schema}' is not a valid schema name: use lower-case letters, digits and underscores, starting with a letter (at most 50 characters).");
        }

        if (PollInterval <= TimeSpan.Zero || ProjectionBatchSize <= 0 || LeaderRetryInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Extensible:EventStore: PollInterval, LeaderRetryInterval and ProjectionBatchSize must be positive.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex SchemaName();
}
