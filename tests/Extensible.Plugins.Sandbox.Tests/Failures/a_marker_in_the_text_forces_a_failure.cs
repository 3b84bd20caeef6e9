using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Failures;

public sealed class a_marker_in_the_text_forces_a_failure
{
    [Theory]
    [InlineData("[sandbox:retry]", PlatformFailure.Retryable)]
    [InlineData("[sandbox:ratelimit]", PlatformFailure.RateLimited)]
    [InlineData("[sandbox:reconnect]", PlatformFailure.NeedsReconnect)]
    public async Task the_first_call_with_a_key_fails_that_way_and_the_next_goes_through(string marker, PlatformFailure expected)
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var request = SandboxAccounts.TextPost(account, "post-1/account-1", $"Launch day {marker}");

        var failure = await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(request, CancellationToken.None));
        var published = await connector.PublishAsync(request, CancellationToken.None);

        Assert.Equal(expected, failure.Failure);
        Assert.Contains(marker, failure.Message, StringComparison.Ordinal);
        Assert.Equal(expected == PlatformFailure.RateLimited ? TimeSpan.FromSeconds(2) : null, failure.RetryAfter);
        Assert.False(string.IsNullOrEmpty(published.PlatformPostId));
        Assert.Single(harness.Events.OfType("post_published"));
        Assert.Single(harness.Events.OfType("failure_simulated"));
    }

    [Fact]
    public async Task a_rejection_is_for_good_with_the_networks_message_and_other_posts_go_through()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        var refused = SandboxAccounts.TextPost(account, "post-1/account-1", "Launch day [Sandbox:Reject]");

        var first = await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(refused, CancellationToken.None));
        var again = await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(refused, CancellationToken.None));
        await connector.PublishAsync(SandboxAccounts.TextPost(account, "post-2/account-1", "Launch day"), CancellationToken.None);

        Assert.Equal(PlatformFailure.Rejected, first.Failure);
        Assert.Equal(PlatformFailure.Rejected, again.Failure);
        Assert.Equal("Sandbox refused the post on purpose ([sandbox:reject]).", first.PlatformMessage);
        Assert.Single(harness.Events.OfType("post_published"));
    }
}
