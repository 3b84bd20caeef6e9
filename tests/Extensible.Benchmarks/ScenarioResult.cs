namespace Extensible.Benchmarks;

/// <summary>What the timed phase of a scenario measured.</summary>
/// <param name="OperationMilliseconds">Each operation's duration, sorted.</param>
internal sealed record ScenarioResult(string Name, int Writers, long Events, long Operations, TimeSpan Elapsed, double[] OperationMilliseconds)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double OperationPercentile(double p) =>
        OperationMilliseconds.Length == 0 ? 0 : OperationMilliseconds[(int)Math.Min(OperationMilliseconds.Length - 1, Math.Floor(p * OperationMilliseconds.Length))];
}
