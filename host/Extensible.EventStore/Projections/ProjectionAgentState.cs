namespace Extensible.EventStore;

/// <summary>What a node's agent for one async projection is doing.</summary>
public enum ProjectionAgentState
{
    /// <summary>Not started or stopped.</summary>
    Stopped,

    /// <summary>Another node leads this projection; this one waits to take over.</summary>
    Standby,

    /// <summary>This node leads the projection and applies events.</summary>
    Leading,

    /// <summary>The agent met an error (for example the database went away) and retries.</summary>
    Retrying,
}
