using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Publishing;

public sealed class publishing_is_idempotent
{
    [Fact]
    public async Task a_retry_with_the_same_key_returns_the_same_post_and_the_pds_holds_one_record()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var first = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "post-1/account-1", "Once"), CancellationToken.None);
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var retry = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "post-1/account-1", "Once"), CancellationToken.None);
        var found = await world.Connector.FindPublishedAsync(account, "post-1/account-1", CancellationToken.None);
        var never = await world.Connector.FindPublishedAsync(account, "post-2/account-1", CancellationToken.None);

        Assert.Equal(first.PlatformPostId, retry.PlatformPostId);
        Assert.Equal(first.PlatformPostId, found!.PlatformPostId);
        Assert.Equal(first.Url, found.Url);
        Assert.Null(never);
        Assert.Single(world.Pds.Records("app.bsky.feed.post"));
        Assert.Single(world.Pds.Calls, c => c.Nsid == "com.atproto.repo.createRecord");
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task the_record_key_is_a_tid_as_the_post_lexicon_requires()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;

        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "a key with spaces / and slashes, longer than any record key could be" + new string('x', 600), "Hi"),
            CancellationToken.None);

        Assert.Matches("^at://did:plc:[0-9a-f]+/app.bsky.feed.post/[234567a-j][234567a-z]{12}$", post.PlatformPostId);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_thread_cut_short_by_a_rate_limit_is_finished_by_the_retry_without_repeating_a_part()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var resetAt = world.Harness.Clock.GetUtcNow().AddSeconds(90);
        world.Pds.FailCall("com.atproto.repo.createRecord", skip: 1, 429, "RateLimitExceeded", "Rate Limit Exceeded", resetAt);
        var request = new PublishRequest
        {
            Account = account,
            IdempotencyKey = "thread-key",
            Content = new PostContent { Kind = ContentKinds.Thread, Text = "first", ThreadParts = ["second"] },
        };

        var limited = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(request, CancellationToken.None));
        var halfway = await world.Connector.FindPublishedAsync(account, "thread-key", CancellationToken.None);
        world.Harness.Clock.Advance(TimeSpan.FromSeconds(90));
        var finished = await world.Connector.PublishAsync(request, CancellationToken.None);

        Assert.Equal(PlatformFailure.RateLimited, limited.Failure);
        Assert.Equal(TimeSpan.FromSeconds(90), limited.RetryAfter);
        Assert.Empty(halfway!.ThreadPostIds);
        Assert.Equal(halfway.PlatformPostId, finished.PlatformPostId);
        Assert.Single(finished.ThreadPostIds);
        Assert.Equal(["first", "second"], world.Pds.Records("app.bsky.feed.post").Select(p => p.Value["text"]!.GetValue<string>()));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task deleting_removes_the_record_and_metrics_then_say_the_post_is_gone()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "del", "Soon gone"), CancellationToken.None);

        await world.Connector.DeletePostAsync(account, post.PlatformPostId, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None));
        var notOurs = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.DeletePostAsync(account, $"at://{world.StrangerDid}/app.bsky.feed.post/3kabcdefghijk", CancellationToken.None));

        Assert.Empty(world.Pds.Records("app.bsky.feed.post"));
        Assert.Null(await world.Connector.FindPublishedAsync(account, "del", CancellationToken.None));
        Assert.Equal(PlatformFailure.Rejected, gone.Failure);
        Assert.Equal(PlatformFailure.Rejected, notOurs.Failure);
        var delete = world.Pds.Calls.Single(c => c.Nsid == "com.atproto.repo.deleteRecord");
        Assert.Equal("POST", delete.Method);
        world.Pds.AssertNoViolations();
    }
}
