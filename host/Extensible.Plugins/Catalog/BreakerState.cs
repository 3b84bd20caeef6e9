namespace Extensible.Plugins.Catalog;

/// <summary>The circuit breaker guarding calls into one plugin.</summary>
public enum BreakerState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>Too many recent failures: calls are refused until the break ends; the first call after it is the trial.</summary>
    Open,

    /// <summary>A trial call is under way: success closes the breaker, failure opens it again.</summary>
    HalfOpen,
}
