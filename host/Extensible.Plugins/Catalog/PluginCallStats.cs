namespace Extensible.Plugins.Catalog;

/// <summary>How calls into a plugin have gone on this node since it was loaded.</summary>
/// <param name="Calls">Calls made.</param>
/// <param name="Failures">Calls that threw, timed out or were refused by the breaker.</param>
/// <param name="P95">The 95th percentile of recent call durations; zero before the first call.</param>
/// <param name="Breaker">The circuit breaker's state.</param>
public sealed record PluginCallStats(long Calls, long Failures, TimeSpan P95, BreakerState Breaker)
{
    /// <summary>No calls yet.</summary>
    public static PluginCallStats None { get; } = new(0, 0, TimeSpan.Zero, BreakerState.Closed);
}
