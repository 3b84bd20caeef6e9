using System.Globalization;

namespace Extensible.Benchmarks;

/// <summary>Prints the results as a table and the one machine-readable RESULT line that ends every run.</summary>
internal static class Report
{
    public static void PrintTable(TextWriter output, IReadOnlyList<ScenarioResult> results)
    {
        var width = Math.Max("scenario".Length, results.Max(r => r.Name.Length));
        output.WriteLine();
        output.WriteLine(Row(width, "scenario", "writers", "events", "seconds", "events/s", "ms/op p50", "ms/op p99"));
        output.WriteLine(new string('-', width + 64));
        foreach (var r in results)
        {
            output.WriteLine(Row(width, r.Name, Invariant($"{r.Writers}"), Invariant($"{r.Events}"), Invariant($"{r.Elapsed.TotalSeconds:F2}"),
                Invariant($"{r.EventsPerSecond:F0}"), Invariant($"{r.OperationPercentile(0.50):F2}"), Invariant($"{r.OperationPercentile(0.99):F2}")));
        }

        output.WriteLine();
    }

    /// <summary>
    /// <c>RESULT eventstore batched_ratio=(b)/(a insert) single_ratio=(d)/(c) batched_eps=(b) single_eps=(d) daemon_events_per_s=(e)</c>,
    /// the ratios over all rounds' events and timed seconds.
    /// </summary>
    public static string ResultLine(ScenarioResult rawBatched, ScenarioResult storeBatched, ScenarioResult rawSingle, ScenarioResult storeSingle, DaemonResult daemon) =>
        Invariant($"RESULT eventstore batched_ratio={Ratio(storeBatched, rawBatched):F2} single_ratio={Ratio(storeSingle, rawSingle):F2} batched_eps={storeBatched.EventsPerSecond:F0} single_eps={storeSingle.EventsPerSecond:F0} daemon_events_per_s={daemon.EventsPerSecond:F0}");

    public static double Ratio(ScenarioResult measured, ScenarioResult baseline) => measured.EventsPerSecond / baseline.EventsPerSecond;

    private static string Row(int width, string name, params string[] cells) =>
        name.PadRight(width) + string.Concat(cells.Select(c => c.PadLeft(c.Length > 9 ? c.Length + 1 : 10)));

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
