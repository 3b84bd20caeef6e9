using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Metrics;

public sealed class an_accounts_followers_grow_with_time_since_connecting
{
    [Fact]
    public async Task followers_grow_following_stays_and_posts_are_not_counted()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        var first = await connector.FetchAccountMetricsAsync(account, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        var later = await connector.FetchAccountMetricsAsync(account, CancellationToken.None);

        Assert.InRange(first.Followers!.Value, 100, 5_000);
        Assert.True(later.Followers > first.Followers, $"{later.Followers} followers after two days, {first.Followers} at first.");
        Assert.Equal(first.Following, later.Following);
        Assert.Null(later.Posts);
        Assert.Equal(harness.Clock.GetUtcNow(), later.MeasuredAt);
        Assert.Equal(later, await connector.FetchAccountMetricsAsync(account, CancellationToken.None));
    }
}
