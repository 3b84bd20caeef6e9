namespace Extensible.EventStore;

/// <summary>Where a projection stands.</summary>
/// <param name="Name">The projection's name.</param>
/// <param name="Lifecycle">Inline or async.</param>
/// <param name="Checkpoint">The last sequence applied (async projections).</param>
/// <param name="HighWaterMark">The store's high-water mark when the status was read.</param>
/// <param name="RebuildTarget">While rebuilding: the sequence the rebuild runs up to; null otherwise.</param>
/// <param name="RebuildRequested">Whether a rebuild was asked for and has not started yet.</param>
/// <param name="DeadLetters">How many events the projection could not read or apply.</param>
/// <param name="AgentState">What this node's agent is doing, when this node runs the daemon.</param>
/// <param name="LastError">The last error this node's agent met, if any.</param>
public sealed record ProjectionStatus(
    string Name,
    ProjectionLifecycle Lifecycle,
    long Checkpoint,
    long HighWaterMark,
    long? RebuildTarget,
    bool RebuildRequested,
    long DeadLetters,
    ProjectionAgentState? AgentState,
    string? LastError)
{
    /// <summary>Whether a rebuild is asked for or under way.</summary>
    public bool Rebuilding => RebuildRequested || RebuildTarget is not null;

    /// <summary>How far the projection is behind the store.</summary>
    public long Lag => Math.Max(0, HighWaterMark - Checkpoint);
}
