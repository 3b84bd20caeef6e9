namespace Extensible.Plugins.Catalog;

/// <summary>The circuit breaker guarding calls into one plugin.</summary>
public enum BreakerState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>Too many recent failures: calls are refused until the break ends.</summary>
    Open,

    /// <summary>The break has ended: the next call is a trial.</summary>
    HalfOpen,
}
