using Extensible.EventStore;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Publisher;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing.Publisher;

public sealed class failures_are_handled_by_their_class(PublisherHost fixture) : IClassFixture<PublisherHost>
{
    private readonly PublishingHost host = fixture.Publishing;

    [Fact]
    public async Task a_retryable_failure_backs_off_and_the_retry_goes_out()
    {
        var account = await host.ConnectSandboxAccountAsync();
        var postId = await host.SchedulePostAsync(DateTimeOffset.UtcNow, [new PostTarget(account, null)], "Try twice [sandbox:retry]");

        await WaitForStatusAsync(postId, account, "published");

        Assert.Equal(2, await host.QueryAsync<int>("select attempt from publishing_targets where post_id = $1", postId));
        Assert.Equal(1L, await EventsAsync(postId, "target_failed"));
        Assert.Equal((1L, 1L), await SandboxPostsAsync(postId));
    }

    [Fact]
    public async Task a_rate_limited_target_waits_the_networks_retry_after()
    {
        var account = await host.ConnectSandboxAccountAsync();
        var postId = await host.SchedulePostAsync(DateTimeOffset.UtcNow, [new PostTarget(account, null)], "Slow down [sandbox:ratelimit]");

        await WaitForStatusAsync(postId, account, "published");

        var failedAt = await host.QueryAsync<DateTime>($"select timestamp from mt_events where stream_id = $1 and type = 'target_failed'", PublishingStreams.Post(postId));
        var publishedAt = await host.QueryAsync<DateTime>("select published_at from publishing_targets where post_id = $1", postId);
        Assert.True(publishedAt - failedAt >= TimeSpan.FromSeconds(1.9), $"failed at {failedAt:O}, published at {publishedAt:O}: the 2 s retry-after was not waited");
        Assert.Equal("RateLimited", await host.QueryAsync<string>("select data->>'Failure' from mt_events where stream_id = $1 and type = 'target_failed'", PublishingStreams.Post(postId)));
    }

    [Fact]
    public async Task needs_reconnect_pauses_the_accounts_queue_until_it_is_connected_again()
    {
        var account = await host.ConnectSandboxAccountAsync();
        var postId = await host.SchedulePostAsync(DateTimeOffset.UtcNow, [new PostTarget(account, null)], "Token revoked [sandbox:reconnect]");

        await Eventually.HoldsAsync(
            async () => await host.QueryAsync<string>("select health from publishing_accounts where id = $1", account) == "needs_reconnect",
            "the account is marked needs reconnect");
        var waiting = await host.SchedulePostAsync(DateTimeOffset.UtcNow, [new PostTarget(account, null)], "Queued behind the reconnect");
        await WaitForStatusAsync(postId, account, "retrying");
        Assert.Contains("connected again", await host.QueryAsync<string>("select message from publishing_targets where post_id = $1", postId), StringComparison.Ordinal);
        // The queue waits: after the publisher has looked again, neither post is sent or failed while the account needs a reconnect.
        var looked = DateTimeOffset.UtcNow.AddSeconds(1.1);
        await Eventually.HoldsAsync(() => host.Services.GetRequiredService<PublisherStatus>().LastTick > looked, "the publisher's loop turned after a heartbeat");
        Assert.Equal("scheduled", await host.QueryAsync<string>("select status from publishing_targets where post_id = $1", waiting));
        Assert.Equal("retrying", await host.QueryAsync<string>("select status from publishing_targets where post_id = $1", postId));

        var (ownerId, workspaceId) = await host.OwnerAsync();
        var credentials = await host.QueryAsync<string>("select protected_credentials from publishing_accounts where id = $1", account);
        await host.Store.AppendAsync(PublishingStreams.Account(account), ExpectedVersion.Any,
            [new AccountReconnected(account, workspaceId, "@again", "Again", null, null, credentials!, null, ownerId)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = PublishingHost.OwnerEmail });

        await WaitForStatusAsync(postId, account, "published");
        await WaitForStatusAsync(waiting, account, "published");
    }

    [Fact]
    public async Task a_rejected_target_fails_for_good_with_the_networks_message_and_the_others_go_out()
    {
        var (one, two, three) = (await host.ConnectSandboxAccountAsync(), await host.ConnectSandboxAccountAsync(), await host.ConnectSandboxAccountAsync());
        var postId = await host.SchedulePostAsync(DateTimeOffset.UtcNow,
            [new PostTarget(one, null), new PostTarget(two, new PostContentDraft { Text = "Not this one [sandbox:reject]" }), new PostTarget(three, null)]);

        await WaitForStatusAsync(postId, two, "failed");
        await WaitForStatusAsync(postId, one, "published");
        await WaitForStatusAsync(postId, three, "published");

        Assert.Equal("Sandbox refused the post on purpose ([sandbox:reject]).",
            await host.QueryAsync<string>("select platform_message from publishing_targets where post_id = $1 and account_id = $2", postId, two));
        Assert.Equal("Rejected", await host.QueryAsync<string>("select failure from publishing_targets where post_id = $1 and account_id = $2", postId, two));
        Assert.Equal(1, await host.QueryAsync<int>("select attempt from publishing_targets where post_id = $1 and account_id = $2", postId, two));
        Assert.Equal((2L, 2L), await SandboxPostsAsync(postId));
    }

    private Task WaitForStatusAsync(Guid postId, Guid accountId, string status) => Eventually.HoldsAsync(
        async () => await host.QueryAsync<string>("select status from publishing_targets where post_id = $1 and account_id = $2", postId, accountId) == status,
        $"target {accountId} of post {postId} is {status}");

    private Task<long> EventsAsync(Guid postId, string type) =>
        host.QueryAsync<long>("select count(*) from mt_events where stream_id = $1 and type = $2", PublishingStreams.Post(postId), type);

    // Posts the sandbox created for this post's keys, and how many distinct.
    private async Task<(long, long)> SandboxPostsAsync(Guid postId)
    {
        const string Of = "from mt_events e join publishing_targets t on t.platform_post_id = coalesce(e.data->'Data', e.data->'data')->>'postId' "
            + "where e.type = 'plugin_recorded' and coalesce(e.data->>'Type', e.data->>'type') = 'extensible.sandbox.post_published' and t.post_id = $1";
        return (await host.QueryAsync<long>($"select count(*) {Of}", postId), await host.QueryAsync<long>($"select count(distinct t.account_id) {Of}", postId));
    }
}
