using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Sdk.Tests.Connectors;

public sealed class classifying_platform_failures
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task refused_credentials_need_a_reconnect(HttpStatusCode status)
    {
        using var response = Answer(status, """{"error":"invalid_token","error_description":"The access token expired"}""");

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.Equal(PlatformFailure.NeedsReconnect, failure.Failure);
        Assert.Equal((int)status, failure.StatusCode);
        Assert.Equal("The access token expired", failure.PlatformMessage);
    }

    [Fact]
    public async Task too_many_requests_waits_for_retry_after_seconds()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, null);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(90));

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.Equal(PlatformFailure.RateLimited, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
    }

    [Fact]
    public async Task too_many_requests_waits_until_a_retry_after_date_by_the_given_clock()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, null);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Clock.GetUtcNow().AddMinutes(5));

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.Equal(TimeSpan.FromMinutes(5), failure.RetryAfter);
    }

    [Fact]
    public async Task too_many_requests_falls_back_to_the_rate_limit_reset_then_a_minute()
    {
        using var withReset = Answer(HttpStatusCode.TooManyRequests, null);
        withReset.Headers.Add("X-RateLimit-Reset", Clock.GetUtcNow().AddSeconds(42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var bare = Answer(HttpStatusCode.TooManyRequests, null);

        Assert.Equal(TimeSpan.FromSeconds(42), (await PlatformException.FromResponseAsync(withReset, Clock)).RetryAfter);
        Assert.Equal(PlatformException.DefaultRetryAfter, (await PlatformException.FromResponseAsync(bare, Clock)).RetryAfter);
    }

    [Fact]
    public async Task too_many_requests_reads_the_ratelimit_reset_header_as_a_moment_or_a_wait()
    {
        using var epoch = Answer(HttpStatusCode.TooManyRequests, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""");
        epoch.Headers.Add("RateLimit-Reset", Clock.GetUtcNow().AddSeconds(300).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var delta = Answer(HttpStatusCode.TooManyRequests, null);
        delta.Headers.Add("RateLimit-Reset", "17");

        var fromEpoch = await PlatformException.FromResponseAsync(epoch, Clock);

        Assert.Equal(TimeSpan.FromSeconds(300), fromEpoch.RetryAfter);
        Assert.Equal("Rate Limit Exceeded", fromEpoch.PlatformMessage);
        Assert.Equal(TimeSpan.FromSeconds(17), (await PlatformException.FromResponseAsync(delta, Clock)).RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task server_failures_and_timeouts_are_retryable(HttpStatusCode status)
    {
        using var response = Answer(status, "<html><body>Bad gateway</body></html>", "text/html");

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.Equal(PlatformFailure.Retryable, failure.Failure);
        Assert.Null(failure.PlatformMessage);
    }

    [Theory]
    [InlineData("""{"error":"Text character limit of 500 exceeded"}""", "Text character limit of 500 exceeded")]
    [InlineData("""{"errors":[{"message":"Status is a duplicate.","code":187}]}""", "Status is a duplicate.")]
    [InlineData("""{"error":{"message":"(#100) Invalid parameter","type":"OAuthException"}}""", "(#100) Invalid parameter")]
    [InlineData("""{"title":"Invalid Request","detail":"Text is too long"}""", "Text is too long")]
    public async Task other_client_errors_are_rejected_with_the_networks_message(string body, string message)
    {
        using var response = Answer(HttpStatusCode.UnprocessableEntity, body);

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.Equal(PlatformFailure.Rejected, failure.Failure);
        Assert.Equal(message, failure.PlatformMessage);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_plain_text_refusal_is_the_message_and_an_empty_one_names_the_status()
    {
        using var plain = Answer(HttpStatusCode.BadRequest, "  Missing status text  ", "text/plain");
        using var empty = Answer(HttpStatusCode.BadRequest, null);

        Assert.Equal("Missing status text", (await PlatformException.FromResponseAsync(plain, Clock)).PlatformMessage);
        Assert.Equal("Bad Request", (await PlatformException.FromResponseAsync(empty, Clock)).PlatformMessage);
    }

    [Fact]
    public async Task a_long_message_is_shortened()
    {
        using var response = Answer(HttpStatusCode.BadRequest, new string('x', 5000), "text/plain");

        var failure = await PlatformException.FromResponseAsync(response, Clock);

        Assert.True(failure.PlatformMessage!.Length <= 501);
    }

    [Fact]
    public async Task a_successful_answer_is_not_a_failure()
    {
        using var response = Answer(HttpStatusCode.OK, "{}");

        await Assert.ThrowsAsync<ArgumentException>(() => PlatformException.FromResponseAsync(response, Clock));
        await response.EnsurePlatformSuccessAsync(Clock);
    }

    [Fact]
    public async Task ensuring_success_throws_the_classified_failure()
    {
        using var response = Answer(HttpStatusCode.Unauthorized, null);

        var failure = await Assert.ThrowsAsync<PlatformException>(() => response.EnsurePlatformSuccessAsync(Clock));

        Assert.Equal(PlatformFailure.NeedsReconnect, failure.Failure);
    }

    [Fact]
    public void calls_that_got_no_answer_are_retryable()
    {
        var timeout = PlatformException.FromNetworkError(new TaskCanceledException("timed out", new TimeoutException()));
        var refused = PlatformException.FromNetworkError(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        Assert.Equal(PlatformFailure.Retryable, timeout.Failure);
        Assert.Contains("in time", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(PlatformFailure.Retryable, refused.Failure);
        Assert.IsType<HttpRequestException>(refused.InnerException);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? body, string mediaType = "application/json") => new(status)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, mediaType),
    };
}
