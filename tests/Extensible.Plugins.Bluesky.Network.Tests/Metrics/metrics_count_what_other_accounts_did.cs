using Extensible.Plugins.Bluesky.Network.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Testing;

namespace Extensible.Plugins.Bluesky.Network.Tests.Metrics;

[Collection(ReferenceNetworkCollection.Name)]
public sealed class metrics_count_what_other_accounts_did(AtprotoNetwork network)
{
    [Fact]
    public async Task likes_and_replies_of_other_accounts_show_in_the_post_s_metrics()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var brand = await bluesky.ConnectAsync(await network.CreateAccountAsync("brand"));
        var published = await bluesky.PublishAsync(brand, "Which dessert should come back? 🍰");
        var stored = await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId);
        var post = new StrongRef(stored.GetProperty("uri").GetString()!, stored.GetProperty("cid").GetString()!);
        var first = new OtherAccount(network, await network.CreateAccountAsync("fan"));
        var second = new OtherAccount(network, await network.CreateAccountAsync("fan"));

        await network.IndexedAsync(post.Uri, first.Account);
        await first.LikeAsync(post);
        await second.LikeAsync(post);
        await first.PostAsync("The rhubarb tart!", parent: post);

        PostMetrics? metrics = null;
        await Eventually.HoldsAsync(async () =>
        {
            metrics = await bluesky.Connector.FetchMetricsAsync(brand.Credentials, published.PlatformPostId, CancellationToken.None);
            return metrics is { Likes: 2, Comments: 1 };
        }, "the AppView counts two likes and a reply");
        Assert.Equal(0, metrics!.Shares);
        Assert.Equal(bluesky.Harness.Clock.GetUtcNow(), metrics.MeasuredAt);
    }
}
