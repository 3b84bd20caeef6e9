using Extensible.Plugins.Bluesky.Tests.Support;

namespace Extensible.Plugins.Bluesky.Tests.Metrics;

public sealed class metrics_come_from_the_post_view
{
    [Fact]
    public async Task likes_replies_reposts_and_quotes_are_read_from_get_posts()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "m", "Count me"), CancellationToken.None);
        var record = world.Pds.Records("app.bsky.feed.post").Single();
        world.Pds.LikeAs(world.StrangerDid, record);
        world.Pds.Notify(world.BrandDid, "reply", world.StrangerDid, "Nice", replyTo: record);
        world.Pds.Reposts[record.Uri] = 7;
        world.Harness.Clock.Advance(TimeSpan.FromHours(1));

        var metrics = await world.Connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None);

        Assert.Equal(1, metrics.Likes);
        Assert.Equal(1, metrics.Comments);
        Assert.Equal(7, metrics.Shares);
        Assert.Equal(0, metrics.Other["quotes"]);
        Assert.Null(metrics.Impressions);
        Assert.Equal(world.Harness.Clock.GetUtcNow(), metrics.MeasuredAt);
        var call = world.Pds.Calls[^1];
        Assert.Equal(("GET", "app.bsky.feed.getPosts"), (call.Method, call.Nsid));
        Assert.Contains("uris=" + Uri.EscapeDataString(post.PlatformPostId), call.Query, StringComparison.Ordinal);
        world.Pds.AssertNoViolations();
    }
}
