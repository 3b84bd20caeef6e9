namespace Extensible.Benchmarks;

/// <summary>What the timed phase of a scenario measured.</summary>
/// <param name="OperationMilliseconds">Each operation's duration, sorted.</param>
internal sealed record ScenarioResult(string Name, int Writers, long Events, long Operations, TimeSpan Elapsed, double[] OperationMilliseconds)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double OperationPercentile(double p) =>
        OperationMilliseconds.Length == 0 ? 0 : OperationMilliseconds[(int)Math.Min(OperationMilliseconds.Length - 1, Math.Floor(p * OperationMilliseconds.Length))];

    /// <summary>One scenario's rounds as one result: all their events over all their timed seconds.</summary>
    public static ScenarioResult Combine(IEnumerable<ScenarioResult> rounds)
    {
        var all = rounds.ToList();
        return new ScenarioResult(all[0].Name, all[0].Writers, all.Sum(r => r.Events), all.Sum(r => r.Operations),
            TimeSpan.FromTicks(all.Sum(r => r.Elapsed.Ticks)), [.. all.SelectMany(r => r.OperationMilliseconds).Order()]);
    }
}
