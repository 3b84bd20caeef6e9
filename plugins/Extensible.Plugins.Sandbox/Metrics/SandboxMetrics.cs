using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Storage;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Metrics;

/// <summary>
/// A post's metrics as a function of its age: a fast rise over the first hours that levels off, plus a slow steady
/// trickle, scaled by how well the post "caught on" (fixed per post). Every count only ever grows.
/// </summary>
internal static class SandboxMetrics
{
    public static PostMetrics Measure(SandboxPost post, DateTimeOffset now)
    {
        var minutes = Math.Max(0, (now - post.PublishedAt).TotalMinutes);
        var appeal = 0.5 + (SandboxDice.For("metrics", post.PostId).NextDouble() * 2);
        var impressions = appeal * ((600 * (1 - Math.Exp(-minutes / 180))) + (0.5 * minutes));
        long Share(double share) => (long)Math.Floor(impressions * share);

        return new PostMetrics
        {
            MeasuredAt = now,
            Impressions = (long)Math.Floor(impressions),
            Reach = Share(0.7),
            Likes = Share(0.06),
            Comments = Share(0.012),
            Shares = Share(0.008),
            Saves = Share(0.004),
            Clicks = Share(0.02),
            VideoViews = post.HasVideo ? Share(0.45) : null,
            Other = new Dictionary<string, long> { ["profile_visits"] = Share(0.015) },
        };
    }

    /// <summary>
    /// An account's audience as a function of the time since it was connected: a following of its own (fixed per
    /// account) and followers that start from a base and gain a few an hour. Posts are not counted (null): the sandbox
    /// keeps only each account's recent posts.
    /// </summary>
    public static AccountMetrics Audience(string accountId, DateTimeOffset connectedAt, DateTimeOffset now)
    {
        var dice = SandboxDice.For("audience", accountId);
        var hours = Math.Max(0, (now - connectedAt).TotalHours);
        return new AccountMetrics
        {
            MeasuredAt = now,
            Followers = 100 + dice.Below(4_900) + (long)Math.Floor(hours * (1 + (dice.NextDouble() * 4))),
            Following = 20 + dice.Below(480),
        };
    }
}
