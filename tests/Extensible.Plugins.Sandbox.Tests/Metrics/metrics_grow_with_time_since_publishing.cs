using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Metrics;

public sealed class metrics_grow_with_time_since_publishing
{
    [Fact]
    public async Task every_count_grows_and_none_goes_down()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var post = await connector.PublishAsync(SandboxAccounts.TextPost(account, "m"), CancellationToken.None);

        var series = new List<PostMetrics>();
        foreach (var step in new[] { 0, 5, 30, 120, 600, 2880 })
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(step));
            series.Add(await connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None));
        }

        Assert.Equal(0, series[0].Impressions);
        Assert.True(series[^1].Impressions > 500);
        Assert.True(series[^1].Likes > 0 && series[^1].Comments > 0 && series[^1].Shares > 0);
        Assert.Null(series[^1].VideoViews);
        foreach (var (earlier, later) in series.Zip(series.Skip(1)))
        {
            Assert.True(later.MeasuredAt > earlier.MeasuredAt);
            Assert.True(later.Impressions > earlier.Impressions);
            Assert.True(later.Reach >= earlier.Reach && later.Likes >= earlier.Likes && later.Comments >= earlier.Comments);
            Assert.True(later.Shares >= earlier.Shares && later.Saves >= earlier.Saves && later.Clicks >= earlier.Clicks);
            Assert.True(later.Reach <= later.Impressions);
        }
    }

    [Fact]
    public async Task videos_report_views_and_unknown_posts_are_refused()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var video = await connector.PublishAsync(new PublishRequest
        {
            Account = account,
            IdempotencyKey = "v",
            Content = new PostContent { Kind = ContentKinds.Video, Text = "Watch", Media = [SandboxAccounts.Media("v.mp4", "video/mp4")] },
        }, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var metrics = await connector.FetchMetricsAsync(account, video.PlatformPostId, CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<PlatformException>(() => connector.FetchMetricsAsync(account, "sbx-p-none", CancellationToken.None));

        Assert.True(metrics.VideoViews > 0);
        Assert.Equal(PlatformFailure.Rejected, unknown.Failure);
    }
}
