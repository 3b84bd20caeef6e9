namespace Extensible.Sdk.Connectors;

/// <summary>How a call to a network failed, which decides what the host does next.</summary>
public enum PlatformFailure
{
    /// <summary>A transient failure (timeout, 5xx): the host retries with back-off.</summary>
    Retryable = 0,

    /// <summary>The credentials no longer work: the host stops using the account and asks a person to reconnect it.</summary>
    NeedsReconnect = 1,

    /// <summary>The network refused the content or request for good: shown to people with the network's message, not retried.</summary>
    Rejected = 2,

    /// <summary>Too many requests: the host waits <see cref="PlatformException.RetryAfter"/> before calling again.</summary>
    RateLimited = 3,
}
