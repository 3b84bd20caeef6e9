using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Network;

/// <summary>
/// Failures forced by the post's own text, so a test or a demo can make one target fail and watch the others go out:
/// <c>[sandbox:reject]</c> is refused every time; <c>[sandbox:retry]</c>, <c>[sandbox:ratelimit]</c> and
/// <c>[sandbox:reconnect]</c> fail the first call with an idempotency key that way, and the next call goes through.
/// </summary>
internal static class SandboxMarkers
{
    /// <summary>How long a forced rate limit asks the host to wait (short, so a demo sees the retry).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private static readonly (string Marker, PlatformFailure Failure)[] Markers =
    [
        ("[sandbox:reject]", PlatformFailure.Rejected),
        ("[sandbox:retry]", PlatformFailure.Retryable),
        ("[sandbox:ratelimit]", PlatformFailure.RateLimited),
        ("[sandbox:reconnect]", PlatformFailure.NeedsReconnect),
    ];

    /// <summary>The failure the text asks for, and the marker that asked, or null.</summary>
    public static (string Marker, PlatformFailure Failure)? Find(PostContent content)
    {
        foreach (var (marker, failure) in Markers)
        {
            if (content.Text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return (marker, failure);
            }
        }

        return null;
    }

    /// <summary>What the sandbox answers for a forced failure.</summary>
    public static PlatformException Exception(string marker, PlatformFailure failure) => failure switch
    {
        PlatformFailure.Rejected => new PlatformException(PlatformFailure.Rejected, $"The network refused: Sandbox refused the post on purpose ({marker}).")
        {
            PlatformMessage = $"Sandbox refused the post on purpose ({marker}).",
            StatusCode = 422,
        },
        PlatformFailure.RateLimited => new PlatformException(
            PlatformFailure.RateLimited, $"Sandbox (forced by {marker}): too many requests; retry after {RetryAfter.TotalSeconds:0} s.")
        {
            RetryAfter = RetryAfter,
            StatusCode = 429,
        },
        PlatformFailure.NeedsReconnect => new PlatformException(
            PlatformFailure.NeedsReconnect, $"Sandbox (forced by {marker}): the access token was revoked.") { StatusCode = 401 },
        _ => new PlatformException(PlatformFailure.Retryable, $"Sandbox (forced by {marker}): the network timed out.") { StatusCode = 503 },
    };
}
