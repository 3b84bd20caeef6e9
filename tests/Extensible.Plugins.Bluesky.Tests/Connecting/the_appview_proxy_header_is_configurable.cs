using Extensible.Plugins.Bluesky.Tests.Support;

namespace Extensible.Plugins.Bluesky.Tests.Connecting;

public sealed class the_appview_proxy_header_is_configurable
{
    [Theory]
    [InlineData("did:web:appview.local.test#bsky_appview")]
    [InlineData(null)]
    public async Task app_bsky_calls_carry_the_configured_header_or_none_and_repository_calls_never(string? proxy)
    {
        await using var world = await BlueskyWorld.StartAsync(proxy);
        var account = (await world.ConnectBrandAsync()).Credentials;

        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(account, "k", "Hello"), CancellationToken.None);
        await world.Connector.PollInboxAsync(account, null, CancellationToken.None);
        await world.Connector.FetchMetricsAsync(account, post.PlatformPostId, CancellationToken.None);

        Assert.All(world.Pds.Calls.Where(c => c.Nsid.StartsWith("app.bsky.", StringComparison.Ordinal)), c => Assert.Equal(proxy ?? "", c.Proxy));
        Assert.All(world.Pds.Calls.Where(c => c.Nsid.StartsWith("com.atproto.", StringComparison.Ordinal)), c => Assert.Equal("", c.Proxy));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public void a_proxy_that_is_not_a_did_with_a_service_is_refused_as_a_setting()
    {
        var refused = Assert.ThrowsAny<Exception>(() => Extensible.Sdk.Testing.PluginHarness.Create<BlueskyPlugin>(
            new BlueskySettings { AppViewProxy = "https://api.bsky.app" }, BlueskyWorld.PluginId));

        Assert.Contains("AppView", refused.Message, StringComparison.Ordinal);
    }
}
