namespace Extensible.Plugins.Sandbox;

/// <summary>Which failures the sandbox simulates when <see cref="SandboxSettings.FailureRate"/> says a call fails.</summary>
public enum SimulatedFailure
{
    /// <summary>Each kind in turn, chosen by the call.</summary>
    Any = 0,

    /// <summary>Transient failures (a timeout, a 503); for publishing, sometimes after the post was accepted.</summary>
    Retryable = 1,

    /// <summary>An expired token: the account must be connected again.</summary>
    NeedsReconnect = 2,

    /// <summary>A refusal for good, with the network's message.</summary>
    Rejected = 3,

    /// <summary>Too many requests, with a retry-after.</summary>
    RateLimited = 4,
}
