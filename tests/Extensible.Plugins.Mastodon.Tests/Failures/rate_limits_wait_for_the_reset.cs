using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Tests.Failures;

public sealed class rate_limits_wait_for_the_reset
{
    [Fact]
    public async Task a_429_is_rate_limited_until_the_instances_reset_time()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        world.Instance.SpendRateLimit(1);

        var limited = await Assert.ThrowsAsync<PlatformException>(() =>
            world.Connector.PublishAsync(MastodonWorld.Post(account, "k", "Hello"), CancellationToken.None));
        var afterwards = await world.Connector.PublishAsync(MastodonWorld.Post(account, "k", "Hello"), CancellationToken.None);

        Assert.Equal(PlatformFailure.RateLimited, limited.Failure);
        Assert.InRange(limited.RetryAfter!.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        Assert.Equal("Too many requests", limited.PlatformMessage);
        Assert.Equal(afterwards.PlatformPostId, Assert.Single(world.Instance.Statuses).Id);
    }

    [Fact]
    public async Task a_limit_hit_in_the_middle_of_a_poll_keeps_what_was_read_and_says_when_to_come_back()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        var fan = world.Instance.AddAccount("fan", "A fan");
        var cursor = (await world.Connector.PollInboxAsync(account, null, CancellationToken.None)).NextCursor;
        for (var i = 0; i < 50; i++)
        {
            world.Instance.Mention(fan, $"<p>{i}</p>");
        }

        var first = await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
        Assert.Equal(50, first.Items.Count);
        for (var i = 50; i < 130; i++)
        {
            world.Instance.Mention(fan, $"<p>{i}</p>");
        }

        // The first page comes back; the second call is refused.
        var page = await PollWithLimitAfterFirstPageAsync(world, account, first.NextCursor);
        var rest = await world.Connector.PollInboxAsync(account, page.NextCursor, CancellationToken.None);

        Assert.Equal(40, page.Items.Count);
        Assert.NotNull(page.PollAgainAfter);
        Assert.Equal(Enumerable.Range(50, 80).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), page.Items.Concat(rest.Items).Select(i => i.Text));
    }

    private static async Task<InboxPage> PollWithLimitAfterFirstPageAsync(MastodonWorld world, AccountCredentials account, string? cursor)
    {
        world.Instance.SpendRateLimitAfter(calls: 1, limited: 1);
        return await world.Connector.PollInboxAsync(account, cursor, CancellationToken.None);
    }
}
