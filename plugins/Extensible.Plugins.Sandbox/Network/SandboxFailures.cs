using System.Globalization;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Network;

/// <summary>
/// Decides which calls fail on purpose. The roll depends on the operation, what it acts on and the moment, so the same
/// call at the same moment always fails (or succeeds) the same way, and a retry later rolls again.
/// </summary>
internal static class SandboxFailures
{
    /// <summary>How long a simulated rate limit asks the host to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private static readonly PlatformFailure[] Classes =
        [PlatformFailure.Retryable, PlatformFailure.NeedsReconnect, PlatformFailure.Rejected, PlatformFailure.RateLimited];

    /// <summary>The failure this call suffers, or <see langword="null"/> when it goes through.</summary>
    public static PlatformFailure? Roll(SandboxSettings settings, string operation, string subject, DateTimeOffset now)
    {
        if (settings.FailureRate <= 0)
        {
            return null;
        }

        var dice = SandboxDice.For("failure", operation, subject, now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        if (dice.NextDouble() >= settings.FailureRate)
        {
            return null;
        }

        return settings.FailureKind switch
        {
            SimulatedFailure.Retryable => PlatformFailure.Retryable,
            SimulatedFailure.NeedsReconnect => PlatformFailure.NeedsReconnect,
            SimulatedFailure.Rejected => PlatformFailure.Rejected,
            SimulatedFailure.RateLimited => PlatformFailure.RateLimited,
            _ => dice.Pick(Classes),
        };
    }

    /// <summary>The exception a real network's answer would have become.</summary>
    public static PlatformException Exception(PlatformFailure failure, string operation) => failure switch
    {
        PlatformFailure.NeedsReconnect => new PlatformException(
            PlatformFailure.NeedsReconnect, $"Sandbox (simulated failure): the access token expired during {operation}.") { StatusCode = 401 },
        PlatformFailure.Rejected => new PlatformException(
            PlatformFailure.Rejected, $"The network refused: Sandbox (simulated failure) refused {operation}.")
        {
            PlatformMessage = $"Sandbox (simulated failure) refused {operation}.",
            StatusCode = 422,
        },
        PlatformFailure.RateLimited => new PlatformException(
            PlatformFailure.RateLimited, $"Sandbox (simulated failure): too many requests for {operation}; retry after {RetryAfter.TotalSeconds:0} s.")
        {
            RetryAfter = RetryAfter,
            StatusCode = 429,
        },
        _ => new PlatformException(
            PlatformFailure.Retryable, $"Sandbox (simulated failure): {operation} timed out.") { StatusCode = 503 },
    };
}
