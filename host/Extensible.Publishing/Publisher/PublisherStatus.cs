using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Publishing.Publisher;

/// <summary>Whether this node's publisher is turning, for the readiness endpoint.</summary>
public sealed class PublisherStatus(IOptions<PublisherOptions> options, TimeProvider clock, NpgsqlDataSource dataSource)
{
    private long _lastTickTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>This node's name in claims and heartbeats.</summary>
    public string Node { get; internal set; } = "";

    /// <summary>When the loop last turned.</summary>
    public DateTimeOffset LastTick => new(Interlocked.Read(ref _lastTickTicks), TimeSpan.Zero);

    /// <summary>Targets claimed by this node and not finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    private int _inFlight;

    /// <summary>
    /// Ready unless the loop has not turned for <see cref="PublisherOptions.StalledAfterIntervals"/> heartbeat intervals
    /// while targets are due (a node whose publisher is off is ready: it serves without publishing).
    /// </summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (!settings.Enabled || now - LastTick <= settings.HeartbeatInterval * settings.StalledAfterIntervals)
        {
            return true;
        }

        return !await DueTargets.AnyDueAsync(dataSource, now, cancellationToken);
    }

    internal void Ticked() => Interlocked.Exchange(ref _lastTickTicks, clock.GetUtcNow().UtcTicks);

    internal void Began() => Interlocked.Increment(ref _inFlight);

    internal void Ended() => Interlocked.Decrement(ref _inFlight);
}
