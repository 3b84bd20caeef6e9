using System.Globalization;
using System.Net.Http.Headers;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>What an instance's <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> headers say (Reset is an ISO 8601 time).</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="ResetsIn">How long until the window starts again.</param>
internal sealed record RateLimit(int Limit, int Remaining, TimeSpan ResetsIn)
{
    /// <summary>The headers' values, or <see langword="null"/> when the instance sent none (or nonsense).</summary>
    public static RateLimit? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Read(headers, "X-RateLimit-Limit") is not { } limitText || Read(headers, "X-RateLimit-Remaining") is not { } remainingText
            || !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(remainingText, NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
        {
            return null;
        }

        var resetsIn = Read(headers, "X-RateLimit-Reset") is { } resetText
            && DateTimeOffset.TryParse(resetText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset) && reset > now
                ? reset - now
                : TimeSpan.Zero;
        return new RateLimit(limit, remaining, resetsIn);
    }

    /// <summary><see langword="true"/> when the window is nearly spent: the inbox waits for the reset before polling again.</summary>
    public bool NearlySpent => Remaining <= Math.Max(1, Limit / 20);

    private static string? Read(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
