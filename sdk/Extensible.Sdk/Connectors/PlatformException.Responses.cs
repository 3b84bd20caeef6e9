using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Extensible.Sdk.Connectors;

/// <summary>Classifies a network's failed HTTP answers and transport errors, the same way for every connector.</summary>
public sealed partial class PlatformException
{
    /// <summary>How long to wait on a 429 that says nothing about when to come back.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    private const int MaxMessageLength = 500;
    private const int MaxBodyRead = 64 * 1024;

    /// <summary>
    /// Turns a network's unsuccessful answer into a classified failure: 401 and 403 need a reconnect; 429 is rate limited
    /// (waiting for <c>Retry-After</c>, else <c>X-RateLimit-Reset</c> or <c>RateLimit-Reset</c>, else <see cref="DefaultRetryAfter"/>); 408 and 5xx
    /// are retryable; any other 4xx is rejected with the network's own message (read from common JSON error shapes or
    /// the plain-text body).
    /// </summary>
    /// <param name="response">The unsuccessful answer. Its body is read, not disposed.</param>
    /// <param name="time">The clock, for <c>Retry-After</c> given as a date; the system clock when omitted.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception to throw.</returns>
    /// <exception cref="ArgumentException">The response was successful.</exception>
    public static async Task<PlatformException> FromResponseAsync(
        HttpResponseMessage response, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            throw new ArgumentException($"The response succeeded ({(int)response.StatusCode}); there is no failure to classify.", nameof(response));
        }

        var status = (int)response.StatusCode;
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var platformMessage = await ReadPlatformMessageAsync(response, cancellationToken).ConfigureAwait(false);
        var described = platformMessage ?? DescribeStatus(response);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new PlatformException(PlatformFailure.NeedsReconnect, $"The network refused the account's credentials ({status}): {described}")
                {
                    StatusCode = status, PlatformMessage = platformMessage,
                },
            HttpStatusCode.TooManyRequests => RateLimitedBy(response, now, status, platformMessage),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                new PlatformException(PlatformFailure.Retryable, $"The network failed ({status}): {described}")
                {
                    StatusCode = status, PlatformMessage = platformMessage, RetryAfter = ReadRetryAfter(response, now),
                },
            >= HttpStatusCode.BadRequest =>
                new PlatformException(PlatformFailure.Rejected, $"The network refused ({status}): {described}")
                {
                    StatusCode = status, PlatformMessage = described,
                },
            _ => new PlatformException(PlatformFailure.Retryable, $"The network answered unexpectedly ({status}): {described}")
            {
                StatusCode = status, PlatformMessage = platformMessage,
            },
        };
    }

    /// <summary>
    /// Classifies a call that got no answer: timeouts, refused or dropped connections and DNS failures are retryable.
    /// A cancellation the caller asked for is not a network failure; rethrow it instead of calling this.
    /// </summary>
    /// <param name="exception">What <see cref="HttpClient"/> threw (<see cref="HttpRequestException"/>, <see cref="TaskCanceledException"/> on a timeout, <see cref="IOException"/>).</param>
    /// <returns>A retryable failure with <paramref name="exception"/> as its cause.</returns>
    public static PlatformException FromNetworkError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception switch
        {
            TaskCanceledException or TimeoutException => "The network did not answer in time.",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "The network's address could not be resolved.",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "The network could not be reached.",
            _ => $"The call to the network failed: {exception.Message}",
        };
        return new PlatformException(PlatformFailure.Retryable, what, exception);
    }

    private static PlatformException RateLimitedBy(HttpResponseMessage response, DateTimeOffset now, int status, string? platformMessage)
    {
        var wait = ReadRetryAfter(response, now) ?? ReadRateLimitReset(response, now) ?? DefaultRetryAfter;
        return new PlatformException(PlatformFailure.RateLimited, $"Rate limited ({status}); retry after {wait.TotalSeconds:0} s.")
        {
            StatusCode = status, PlatformMessage = platformMessage, RetryAfter = wait,
        };
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return retryAfter?.Date is { } date ? Until(date, now) : null;
    }

    // X sends epoch seconds; Mastodon sends an ISO 8601 time; Bluesky sends RateLimit-Reset in epoch seconds, where the
    // IETF draft it follows means seconds to wait: a number below a billion is a wait, above it a moment.
    private static TimeSpan? ReadRateLimitReset(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValues("X-RateLimit-Reset", out var values) && !response.Headers.TryGetValues("RateLimit-Reset", out values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds < 1_000_000_000
                ? TimeSpan.FromSeconds(seconds)
                : Until(DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799)), now);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Until(at, now) : null;
    }

    private static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;

    private static string DescribeStatus(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? $"HTTP {(int)response.StatusCode}" : response.ReasonPhrase;

    private static async Task<string?> ReadPlatformMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return null;
        }

        string body;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var buffer = new char[MaxBodyRead];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            body = new string(buffer, 0, read).Trim();
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidOperationException)
        {
            return null;
        }

        if (body.Length == 0)
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || body.StartsWith('{'))
        {
            return FromJson(body);
        }

        return mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || body.StartsWith('<') ? null : Shorten(body);
    }

    private static string? FromJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return FindMessage(document.RootElement) is { } message ? Shorten(message) : null;
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
    }

    // The shapes networks use: OAuth's error_description, {"message"}, {"detail"}, {"error": "..."} or {"error": {"message"}},
    // {"errors": [{"message"}]}, and problem details' "title".
    private static string? FindMessage(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return NonEmpty(element.GetString());
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.GetArrayLength() > 0 ? FindMessage(element[0]) : null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["error_description", "message", "detail", "error", "errors", "title", "error_msg"])
        {
            if (element.TryGetProperty(name, out var value) && FindMessage(value) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "…");
}
