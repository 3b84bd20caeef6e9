using Extensible.Plugins.Mastodon.Tests.Support;

namespace Extensible.Plugins.Mastodon.Tests.Metrics;

public sealed class metrics_come_from_the_status
{
    [Fact]
    public async Task favourites_boosts_and_replies_are_the_statuss_counts()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var post = await world.Connector.PublishAsync(MastodonWorld.Post(account, "m", "Count me"), CancellationToken.None);
        world.Instance.Count(post.PlatformPostId, favourites: 12, reblogs: 5, replies: 3);

        var metrics = await world.Connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None);

        Assert.Equal((12L, 5L, 3L), (metrics.Likes!.Value, metrics.Shares!.Value, metrics.Comments!.Value));
        Assert.Null(metrics.Impressions);
    }
}
