namespace Extensible.Sdk.Connectors;

/// <summary>A failed call to a network, classified so the host knows whether to retry, wait, ask for a reconnect or give up.</summary>
public sealed partial class PlatformException : Exception
{
    /// <summary>Creates an exception.</summary>
    public PlatformException()
        : this(PlatformFailure.Retryable, "The network call failed.")
    {
    }

    /// <summary>Creates a retryable failure.</summary>
    /// <param name="message">What happened.</param>
    public PlatformException(string message)
        : this(PlatformFailure.Retryable, message)
    {
    }

    /// <summary>Creates a retryable failure caused by another exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public PlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = PlatformFailure.Retryable;
    }

    /// <summary>Creates a classified failure.</summary>
    /// <param name="failure">How it failed.</param>
    /// <param name="message">What happened, for logs and people.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PlatformException(PlatformFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>How the call failed.</summary>
    public PlatformFailure Failure { get; }

    /// <summary>The network's own error message, shown to people for <see cref="PlatformFailure.Rejected"/>.</summary>
    public string? PlatformMessage { get; init; }

    /// <summary>For <see cref="PlatformFailure.RateLimited"/>: how long to wait before calling again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The HTTP status the network answered with, if any.</summary>
    public int? StatusCode { get; init; }

    /// <summary>A transient failure worth retrying.</summary>
    /// <param name="message">What happened.</param>
    public static PlatformException Retryable(string message) => new(PlatformFailure.Retryable, message);

    /// <summary>Credentials that no longer work.</summary>
    /// <param name="message">What happened.</param>
    public static PlatformException NeedsReconnect(string message) => new(PlatformFailure.NeedsReconnect, message);

    /// <summary>A request the network refused for good.</summary>
    /// <param name="platformMessage">The network's own message.</param>
    public static PlatformException Rejected(string platformMessage) =>
        new(PlatformFailure.Rejected, $"The network refused: {platformMessage}") { PlatformMessage = platformMessage };

    /// <summary>Too many requests.</summary>
    /// <param name="retryAfter">How long the network asks to wait.</param>
    public static PlatformException RateLimited(TimeSpan retryAfter) =>
        new(PlatformFailure.RateLimited, $"Rate limited; retry after {retryAfter.TotalSeconds:0} s.") { RetryAfter = retryAfter };
}
