using Extensible.Plugins.Catalog;

namespace Extensible.Plugins.Calls;

/// <summary>
/// Opens after a number of consecutive failures, refuses calls for the break, then lets one trial call through:
/// success closes it, failure opens it again.
/// </summary>
internal sealed class CircuitBreaker(int failuresToOpen, TimeSpan breakDuration, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil;
    private bool _open;
    private bool _trialRunning;

    public BreakerState State
    {
        get
        {
            lock (_gate)
            {
                return !_open ? BreakerState.Closed : time.GetUtcNow() < _openUntil ? BreakerState.Open : BreakerState.HalfOpen;
            }
        }
    }

    /// <summary>Whether a call may go through now (a half-open breaker lets exactly one trial through).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (!_open)
            {
                return true;
            }

            if (time.GetUtcNow() < _openUntil || _trialRunning)
            {
                return false;
            }

            _trialRunning = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _open = false;
            _trialRunning = false;
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_trialRunning || _consecutiveFailures >= failuresToOpen)
            {
                _open = true;
                _openUntil = time.GetUtcNow() + breakDuration;
            }

            _trialRunning = false;
        }
    }
}
