using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Connecting;

public sealed class expired_tokens_are_renewed
{
    [Fact]
    public async Task a_call_answered_expired_token_renews_the_session_with_the_refresh_token_and_goes_through()
    {
        await using var world = await BlueskyWorld.StartAsync();
        world.Pds.AccessLifetime = TimeSpan.FromMinutes(5);
        var stored = (await world.ConnectBrandAsync()).Credentials;
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(6));

        var post = await world.Connector.PublishAsync(BlueskyWorld.Post(stored, "k1", "After the token expired"), CancellationToken.None);
        // The host still holds the credentials it stored: the renewed session is used, not refreshed again.
        var second = await world.Connector.PublishAsync(BlueskyWorld.Post(stored, "k2", "Again"), CancellationToken.None);
        var handedBack = await world.Connector.RefreshCredentialsAsync(stored, CancellationToken.None);

        Assert.StartsWith($"at://{world.BrandDid}/app.bsky.feed.post/", post.PlatformPostId, StringComparison.Ordinal);
        Assert.NotEqual(post.PlatformPostId, second.PlatformPostId);
        Assert.Single(world.Pds.Calls, c => c.Nsid == "com.atproto.server.refreshSession");
        Assert.Equal(2, world.Pds.Records("app.bsky.feed.post").Count);
        Assert.NotEqual(stored.Require("refresh_jwt"), handedBack.Require("refresh_jwt"));
        Assert.True(handedBack.ExpiresAt > world.Harness.Clock.GetUtcNow());
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_session_renewed_during_a_call_is_handed_to_the_host_at_once_and_works_after_a_restart()
    {
        await using var world = await BlueskyWorld.StartAsync();
        world.Pds.AccessLifetime = TimeSpan.FromMinutes(5);
        var stored = (await world.ConnectBrandAsync()).Credentials;
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(6));

        await world.Connector.PublishAsync(BlueskyWorld.Post(stored, "k1", "After the token expired"), CancellationToken.None);

        var (previous, renewed) = Assert.Single(world.Harness.RenewedCredentials);
        Assert.Equal(stored.PlatformAccountId, previous.PlatformAccountId);
        Assert.All(previous.Values, p => Assert.Equal(stored.Values[p.Key], p.Value));
        Assert.Equal(world.BrandDid, renewed.PlatformAccountId);
        Assert.NotEqual(stored.Require("refresh_jwt"), renewed.Require("refresh_jwt"));
        Assert.True(renewed.ExpiresAt > world.Harness.Clock.GetUtcNow());

        // What the host now stores works without the connector's memory (a restarted host, another node): the PDS has
        // spent the old refresh token, and the renewed one refreshes.
        var restarted = world.NewConnector();
        await restarted.PublishAsync(BlueskyWorld.Post(renewed, "k2", "After a restart"), CancellationToken.None);
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await restarted.RefreshCredentialsAsync(renewed, CancellationToken.None);
        Assert.NotEqual(renewed.Require("refresh_jwt"), refreshed.Require("refresh_jwt"));
        Assert.Equal(2, world.Pds.Records("app.bsky.feed.post").Count);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task a_revoked_session_asks_for_a_reconnect_and_writes_nothing()
    {
        await using var world = await BlueskyWorld.StartAsync();
        world.Pds.AccessLifetime = TimeSpan.FromMinutes(5);
        var stored = (await world.ConnectBrandAsync()).Credentials;
        world.Pds.RevokeAllSessions();
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(6));

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(BlueskyWorld.Post(stored, "k", "Hello"), CancellationToken.None));

        Assert.Equal(PlatformFailure.NeedsReconnect, refused.Failure);
        Assert.Empty(world.Pds.Records("app.bsky.feed.post"));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task credentials_without_tokens_ask_for_a_reconnect()
    {
        await using var world = await BlueskyWorld.StartAsync();

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PollInboxAsync(
            new AccountCredentials { PlatformAccountId = world.BrandDid }, null, CancellationToken.None));

        Assert.Equal(PlatformFailure.NeedsReconnect, refused.Failure);
        Assert.Empty(world.Pds.Calls);
    }
}
