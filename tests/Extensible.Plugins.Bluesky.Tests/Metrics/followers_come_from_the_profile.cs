using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Metrics;

public sealed class followers_come_from_the_profile
{
    [Fact]
    public async Task followers_follows_and_posts_are_read_from_get_profile()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var account = (await world.ConnectBrandAsync()).Credentials;
        await world.Connector.PublishAsync(BlueskyWorld.Post(account, "a", "One"), CancellationToken.None);
        var brand = world.Pds.Account(world.BrandDid);
        (brand.Followers, brand.Follows) = (987, 65);

        var metrics = await world.Connector.FetchAccountMetricsAsync(account, CancellationToken.None);

        Assert.Equal((987L, 65L, 1L), (metrics.Followers!.Value, metrics.Following!.Value, metrics.Posts!.Value));
        Assert.Equal(world.Harness.Clock.GetUtcNow(), metrics.MeasuredAt);
        var call = world.Pds.Calls[^1];
        Assert.Equal(("GET", "app.bsky.actor.getProfile"), (call.Method, call.Nsid));
        Assert.True(world.Connector.Profile.Features.HasFlag(PlatformFeatures.AccountMetrics));
        world.Pds.AssertNoViolations();
    }
}
