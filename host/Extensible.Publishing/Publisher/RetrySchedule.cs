namespace Extensible.Publishing.Publisher;

/// <summary>
/// Exponential back-off with jitter for retryable failures: Polly's "decorrelated jitter" (V2, Polly.Core's
/// <c>DelayBackoffType.Exponential</c> with <c>UseJitter</c>), computed per attempt because the wait is stored as the
/// target's next due instant (it survives a restart and shows in the console), not slept in memory.
/// </summary>
internal static class RetrySchedule
{
    private const double RpScalingFactor = 1 / 1.4;

    // Polly's pFactor: keeps the median delay near base * 2^attempt.
    private const double PFactor = 4.0;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var t = attempt - 1 + random.NextDouble();
        var next = Math.Pow(2, t) * Math.Tanh(Math.Sqrt(PFactor * t));
        var previous = attempt <= 1 ? 0 : Math.Pow(2, t - 1) * Math.Tanh(Math.Sqrt(PFactor * (t - 1)));
        var ticks = (next - previous) * RpScalingFactor * baseDelay.Ticks;
        return ticks >= maxDelay.Ticks || double.IsNaN(ticks) ? maxDelay : TimeSpan.FromTicks(Math.Max((long)ticks, baseDelay.Ticks / 4));
    }
}
