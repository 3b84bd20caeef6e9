using Polly.CircuitBreaker;
using Polly.Telemetry;
using Polly.Timeout;

namespace Extensible.Plugins.Calls;

/// <summary>
/// Counts the calls a plugin's pipeline reports (made, failed, refused by its breaker) and keeps the durations of the
/// most recent ones, for the p95 latency: Polly measures, this only keeps what the console shows.
/// </summary>
internal sealed class CallStatsListener : TelemetryListener
{
    private const int Size = 256;
    private readonly Lock _gate = new();
    private readonly TimeSpan[] _recent = new TimeSpan[Size];
    private long _calls;
    private long _failures;
    private int _count;
    private int _next;

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        if (args.Arguments is not PipelineExecutedArguments executed)
        {
            return;
        }

        var exception = args.Outcome?.Exception;
        lock (_gate)
        {
            _calls++;
            if (exception is PluginCallException or TimeoutRejectedException or BrokenCircuitException)
            {
                _failures++;
            }

            // A refused call took no time in the plugin: it would only pull the percentile down.
            if (exception is not BrokenCircuitException)
            {
                _recent[_next] = executed.Duration;
                _next = (_next + 1) % Size;
                _count = Math.Min(_count + 1, Size);
            }
        }
    }

    public (long Calls, long Failures, TimeSpan P95) Read()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return (_calls, _failures, TimeSpan.Zero);
            }

            var sorted = _recent.Take(_count).Order().ToArray();
            var index = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
            return (_calls, _failures, sorted[Math.Clamp(index, 0, sorted.Length - 1)]);
        }
    }
}
