using System.ComponentModel.DataAnnotations;

namespace Extensible.Publishing.Publisher;

/// <summary>How the publisher claims, calls, retries and reconciles (<c>Extensible:Publisher</c>).</summary>
public sealed class PublisherOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Publisher";

    /// <summary>Whether this node publishes at all (every node may; they share the work through the database).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in claims and heartbeats; by default the machine, the process and a random suffix.</summary>
    public string? Node { get; set; }

    /// <summary>Network calls at once for one account.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentPerAccount { get; set; } = 4;

    /// <summary>Network calls at once through one connector (one network).</summary>
    [Range(1, 10000)]
    public int MaxConcurrentPerConnector { get; set; } = 32;

    /// <summary>Targets this node holds claimed at once (calling or waiting for a free slot).</summary>
    [Range(1, 10000)]
    public int MaxInFlight { get; set; } = 128;

    /// <summary>Attempts of one target before a retryable failure becomes final.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first back-off after a retryable failure; each later one about doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest back-off.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a network asking to slow down without saying how long is left alone.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed target may stay "publishing" on a node that stopped beating before another node reconciles it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the node says it is alive and looks for targets left by dead nodes; also the loop's longest sleep.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The node is not ready when its loop has not turned for this many heartbeat intervals while work is due.</summary>
    [Range(2, 100)]
    public int StalledAfterIntervals { get; set; } = 3;
}
