using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Failures;

public sealed class failures_are_simulated_at_the_configured_rate
{
    [Fact]
    public async Task with_a_rate_of_one_every_class_of_failure_turns_up_each_classified_as_the_host_expects()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.ChangeSettings(new SandboxSettings { FailureRate = 1 });

        var failures = new List<PlatformException>();
        for (var i = 0; i < 40; i++)
        {
            failures.Add(await Assert.ThrowsAsync<PlatformException>(() => connector.FetchMetricsAsync(account, $"sbx-p{i}", CancellationToken.None)));
        }

        Assert.Equal(Enum.GetValues<PlatformFailure>().ToHashSet(), failures.Select(f => f.Failure).ToHashSet());
        Assert.All(failures, f => Assert.Contains("simulated", f.Message, StringComparison.Ordinal));
        Assert.All(failures.Where(f => f.Failure == PlatformFailure.RateLimited), f => Assert.Equal(TimeSpan.FromSeconds(30), f.RetryAfter));
        Assert.All(failures.Where(f => f.Failure == PlatformFailure.Rejected), f => Assert.False(string.IsNullOrWhiteSpace(f.PlatformMessage)));
        Assert.Equal(40, harness.Events.OfType("failure_simulated").Count);
    }

    [Theory]
    [InlineData(SimulatedFailure.Retryable, PlatformFailure.Retryable)]
    [InlineData(SimulatedFailure.NeedsReconnect, PlatformFailure.NeedsReconnect)]
    [InlineData(SimulatedFailure.Rejected, PlatformFailure.Rejected)]
    [InlineData(SimulatedFailure.RateLimited, PlatformFailure.RateLimited)]
    public async Task one_kind_of_failure_can_be_chosen(SimulatedFailure kind, PlatformFailure expected)
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.ChangeSettings(new SandboxSettings { FailureRate = 1, FailureKind = kind });

        var poll = await Assert.ThrowsAsync<PlatformException>(() => connector.PollInboxAsync(account, null, CancellationToken.None));
        var reply = await Assert.ThrowsAsync<PlatformException>(
            () => connector.ReplyAsync(account, new InboxItemReference("i1", InboxItemKind.Comment, "c"), "Thanks!", CancellationToken.None));

        Assert.Equal(expected, poll.Failure);
        Assert.Equal(expected, reply.Failure);
    }

    [Fact]
    public async Task a_rate_in_between_fails_about_that_share_of_calls_and_zero_fails_none()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        async Task<int> FailedOf(int calls)
        {
            var failed = 0;
            for (var i = 0; i < calls; i++)
            {
                try
                {
                    await connector.FindPublishedAsync(account, $"key-{i}", CancellationToken.None);
                }
                catch (PlatformException)
                {
                    failed++;
                }
            }

            return failed;
        }

        harness.ChangeSettings(new SandboxSettings { FailureRate = 0.25 });
        var quarter = await FailedOf(400);
        harness.ChangeSettings(new SandboxSettings { FailureRate = 0 });
        var none = await FailedOf(400);

        Assert.InRange(quarter, 60, 140);
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task a_publish_whose_answer_was_lost_is_found_by_lookup_and_a_retry_returns_it()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.ChangeSettings(new SandboxSettings { FailureRate = 1, FailureKind = SimulatedFailure.Retryable });

        // Half the retryable publish failures happen after the network accepted the post; find keys where it did.
        var lost = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var key = $"lost-{i}";
            await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(SandboxAccounts.TextPost(account, key), CancellationToken.None));
            harness.ChangeSettings(new SandboxSettings());
            if (await connector.FindPublishedAsync(account, key, CancellationToken.None) is not null)
            {
                lost.Add(key);
            }

            harness.ChangeSettings(new SandboxSettings { FailureRate = 1, FailureKind = SimulatedFailure.Retryable });
        }

        harness.ChangeSettings(new SandboxSettings());
        Assert.InRange(lost.Count, 1, 19);
        foreach (var key in lost)
        {
            var found = await connector.FindPublishedAsync(account, key, CancellationToken.None);
            var retried = await connector.PublishAsync(SandboxAccounts.TextPost(account, key), CancellationToken.None);
            SamePost.Equal(found, retried);
        }

        Assert.Equal(lost.Count, harness.Events.OfType("post_published").Count);
    }

    [Fact]
    public async Task a_call_that_fails_on_purpose_stores_nothing()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { FailureRate = 1, FailureKind = SimulatedFailure.Rejected });
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;

        await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(SandboxAccounts.TextPost(account, "k"), CancellationToken.None));
        await Assert.ThrowsAsync<PlatformException>(
            () => connector.SetHiddenAsync(account, new InboxItemReference("i1", InboxItemKind.Comment, "c"), true, CancellationToken.None));

        Assert.Equal(["accounts:count"], harness.Store.Values.Keys);
    }
}
