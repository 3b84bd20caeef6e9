using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Metrics;

public sealed class followers_come_from_the_account
{
    [Fact]
    public async Task followers_follows_and_statuses_are_the_accounts_counts_on_its_instance()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        await world.Connector.PublishAsync(MastodonWorld.Post(account, "a", "One"), CancellationToken.None);
        await world.Connector.PublishAsync(MastodonWorld.Post(account, "b", "Two"), CancellationToken.None);
        world.Instance.SetAudience(world.Instance.Brand, followers: 1_234, following: 56);

        var metrics = await world.Connector.FetchAccountMetricsAsync(account, CancellationToken.None);

        Assert.Equal((1_234L, 56L, 2L), (metrics.Followers!.Value, metrics.Following!.Value, metrics.Posts!.Value));
        Assert.True(world.Connector.Profile.Features.HasFlag(PlatformFeatures.AccountMetrics));
    }
}
