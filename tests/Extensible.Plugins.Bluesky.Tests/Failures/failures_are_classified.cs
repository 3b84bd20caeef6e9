using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Failures;

public sealed class failures_are_classified
{
    [Fact]
    public async Task a_429_waits_until_the_ratelimit_reset_the_pds_gives()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        world.Pds.RateLimitNext(1, world.Harness.Clock.GetUtcNow().AddMinutes(5));

        var limited = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PollInboxAsync(account, null, CancellationToken.None));
        var after = await world.Connector.PollInboxAsync(account, null, CancellationToken.None);

        Assert.Equal(PlatformFailure.RateLimited, limited.Failure);
        Assert.Equal(TimeSpan.FromMinutes(5), limited.RetryAfter);
        Assert.Equal("Rate Limit Exceeded", limited.PlatformMessage);
        Assert.Empty(after.Items);
    }

    [Fact]
    public async Task an_xrpc_error_body_gives_the_networks_own_message()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        world.Pds.FailCall("com.atproto.repo.createRecord", 0, 400, "InvalidRequest", "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes");

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(BlueskyWorld.Post(account, "k", "Hi"), CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal("Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes", refused.PlatformMessage);
        Assert.Equal(400, refused.StatusCode);
    }

    [Fact]
    public async Task a_failing_pds_is_retryable()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        world.Pds.FailCall("app.bsky.feed.getPosts", 0, 502, "UpstreamFailure", "Upstream Failure");

        var failed = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.FetchMetricsAsync(account, $"at://{world.BrandDid}/app.bsky.feed.post/3kaaaaaaaaaaa", CancellationToken.None));

        Assert.Equal(PlatformFailure.Retryable, failed.Failure);
    }
}
