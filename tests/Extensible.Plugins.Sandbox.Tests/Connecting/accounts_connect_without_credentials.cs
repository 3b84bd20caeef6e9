using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Connecting;

public sealed class accounts_connect_without_credentials
{
    [Fact]
    public async Task connecting_asks_for_nothing_and_gives_each_account_its_own_id_and_token()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);

        var start = await connector.BeginConnectAsync(new ConnectRequest(new Uri("https://host.test/cb"), "s"), CancellationToken.None);
        var first = await SandboxAccounts.ConnectAsync(connector);
        var second = await SandboxAccounts.ConnectAsync(connector);

        Assert.Null(start.AuthorizationUrl);
        Assert.Empty(start.Fields);
        Assert.NotEqual(first.PlatformAccountId, second.PlatformAccountId);
        Assert.Equal(first.PlatformAccountId, first.Credentials.PlatformAccountId);
        Assert.False(string.IsNullOrEmpty(first.Credentials.Require("token")));
        Assert.Contains("sandbox", first.Handle, StringComparison.Ordinal);
        Assert.Contains("simulated", first.DisplayName, StringComparison.Ordinal);
        Assert.EndsWith(".invalid", first.ProfileUrl!.Host, StringComparison.Ordinal);
    }

    [Fact]
    public void the_profile_is_a_sandbox_that_supports_everything()
    {
        using var harness = SandboxHarness.Create();
        var profile = new SandboxConnector(harness.Context).Profile;

        Assert.Equal("sandbox", profile.Key);
        Assert.True(profile.IsSandbox);
        Assert.Contains("Sandbox", profile.DisplayName, StringComparison.Ordinal);
        Assert.Equal(AuthMethod.None, profile.Auth);
        Assert.Equal(ContentKinds.Text | ContentKinds.Image | ContentKinds.Video | ContentKinds.Carousel | ContentKinds.Thread, profile.Content);
        foreach (var feature in Enum.GetValues<PlatformFeatures>())
        {
            Assert.True(profile.Features.HasFlag(feature), $"The sandbox lacks {feature}.");
        }
    }

    [Fact]
    public async Task an_account_without_a_token_must_be_connected_again()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var lost = new AccountCredentials { PlatformAccountId = "sbx-a1" };

        var publish = await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(SandboxAccounts.TextPost(lost, "k"), CancellationToken.None));
        var poll = await Assert.ThrowsAsync<PlatformException>(() => connector.PollInboxAsync(lost, null, CancellationToken.None));

        Assert.Equal(PlatformFailure.NeedsReconnect, publish.Failure);
        Assert.Equal(PlatformFailure.NeedsReconnect, poll.Failure);
        Assert.DoesNotContain(harness.Store.Values.Keys, key => key.StartsWith("post:", StringComparison.Ordinal));
    }
}
