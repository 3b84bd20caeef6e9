namespace Extensible.Plugins.Calls;

/// <summary>Call counts and the durations of the most recent calls, for the p95 latency.</summary>
internal sealed class CallStatsWindow
{
    private const int Size = 256;
    private readonly Lock _gate = new();
    private readonly TimeSpan[] _recent = new TimeSpan[Size];
    private int _count;
    private int _next;

    public long Calls { get; private set; }

    public long Failures { get; private set; }

    public void Record(TimeSpan duration, bool failed)
    {
        lock (_gate)
        {
            Calls++;
            if (failed)
            {
                Failures++;
            }

            _recent[_next] = duration;
            _next = (_next + 1) % Size;
            _count = Math.Min(_count + 1, Size);
        }
    }

    public void Refused()
    {
        lock (_gate)
        {
            Calls++;
            Failures++;
        }
    }

    public (long Calls, long Failures, TimeSpan P95) Read()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return (Calls, Failures, TimeSpan.Zero);
            }

            var sorted = _recent.Take(_count).Order().ToArray();
            var index = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
            return (Calls, Failures, sorted[Math.Clamp(index, 0, sorted.Length - 1)]);
        }
    }
}
