namespace Extensible.EventStore;

/// <summary>When a projection runs.</summary>
public enum ProjectionLifecycle
{
    /// <summary>In the append's transaction: the read model never lags, and a failing projection fails the append.</summary>
    Inline,

    /// <summary>By the projection daemon after commit: the read model trails the events by a moment.</summary>
    Async,
}
