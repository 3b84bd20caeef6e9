using Extensible.Plugins.Bluesky.Network;
using Extensible.Plugins.Bluesky.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Connecting;

public sealed class accounts_connect_with_an_app_password
{
    [Fact]
    public async Task connecting_creates_a_session_and_keeps_the_tokens_with_the_access_tokens_expiry()
    {
        await using var world = await BlueskyWorld.StartAsync();

        var account = await world.ConnectBrandAsync();

        Assert.Equal(world.BrandDid, account.PlatformAccountId);
        Assert.Equal("@brand.test", account.Handle);
        Assert.Equal("Brand ☕", account.DisplayName);
        Assert.Equal(new Uri("https://bsky.app/profile/brand.test"), account.ProfileUrl);
        Assert.Equal(world.Harness.Clock.GetUtcNow().AddHours(2), account.Credentials.ExpiresAt);
        Assert.Equal(world.Pds.Address.AbsoluteUri, account.Credentials.Require("pds"));
        Assert.Equal(world.BrandDid, account.Credentials.Require("did"));
        Assert.Equal("brand.test", account.Credentials.Require("handle"));
        Assert.NotEqual(account.Credentials.Require("access_jwt"), account.Credentials.Require("refresh_jwt"));
        var signIn = world.Pds.Calls[0];
        Assert.Equal(("POST", "com.atproto.server.createSession", ""), (signIn.Method, signIn.Nsid, signIn.Authorization));
        Assert.DoesNotContain(world.Harness.Logs.Entries, e => e.Message.Contains(BlueskyWorld.BrandPassword, StringComparison.Ordinal)
            || e.Message.Contains(account.Credentials.Require("access_jwt"), StringComparison.Ordinal));
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task the_connect_form_asks_for_handle_and_app_password_and_an_optional_pds()
    {
        await using var world = await BlueskyWorld.StartAsync();

        var start = await world.Connector.BeginConnectAsync(new ConnectRequest(new Uri("urn:x"), "s"), CancellationToken.None);

        Assert.Equal(AuthMethod.AppPassword, world.Connector.Profile.Auth);
        Assert.Equal([false, true, false], start.Fields.Select(f => f.IsSecret));
        Assert.Equal([false, false, true], start.Fields.Select(f => f.IsOptional));
        Assert.Contains("https://bsky.social", start.Fields[2].Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wrong_app_password_is_refused_with_the_networks_message()
    {
        await using var world = await BlueskyWorld.StartAsync();

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.CompleteConnectAsync(new ConnectCompletion
        {
            RedirectUri = new Uri("urn:x"),
            Fields = new Dictionary<string, string> { ["handle"] = "brand.test", ["app_password"] = "wrong", ["pds"] = world.Pds.Address.AbsoluteUri },
        }, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal("Invalid identifier or password", refused.PlatformMessage);
        world.Pds.AssertNoViolations();
    }

    [Theory]
    [InlineData("http://pds.example.com")]
    [InlineData("https://pds.example.com/xrpc")]
    [InlineData("ftp://pds.example.com")]
    public async Task a_pds_address_must_be_https_except_on_this_machine(string address)
    {
        await using var world = await BlueskyWorld.StartAsync();

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.CompleteConnectAsync(new ConnectCompletion
        {
            RedirectUri = new Uri("urn:x"),
            Fields = new Dictionary<string, string> { ["handle"] = "brand.test", ["app_password"] = BlueskyWorld.BrandPassword, ["pds"] = address },
        }, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Empty(world.Pds.Calls);
    }

    [Fact]
    public async Task refreshing_rotates_the_tokens_and_a_spent_refresh_token_asks_for_a_reconnect()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var connected = (await world.ConnectBrandAsync()).Credentials;
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(115));

        var refreshed = await world.Connector.RefreshCredentialsAsync(connected, CancellationToken.None);
        // Another node still holding the old credentials: the PDS refuses the refresh token it rotated.
        var otherNode = world.NewConnector();
        var spent = await Assert.ThrowsAsync<PlatformException>(() => otherNode.RefreshCredentialsAsync(connected, CancellationToken.None));

        Assert.NotEqual(connected.Require("refresh_jwt"), refreshed.Require("refresh_jwt"));
        Assert.Equal(world.Harness.Clock.GetUtcNow().AddHours(2), refreshed.ExpiresAt);
        var refresh = world.Pds.Calls.First(c => c.Nsid == "com.atproto.server.refreshSession");
        Assert.Equal("Bearer " + connected.Require("refresh_jwt"), refresh.Authorization);
        Assert.Equal(PlatformFailure.NeedsReconnect, spent.Failure);
        world.Pds.AssertNoViolations();
    }

    [Fact]
    public async Task an_appview_that_has_not_indexed_the_account_yet_does_not_stop_the_connect()
    {
        await using var world = await BlueskyWorld.StartAsync();
        world.Pds.FailCall("app.bsky.actor.getProfile", 0, 400, "InvalidRequest", "Profile not found");

        var account = await world.ConnectBrandAsync();

        Assert.Equal("@brand.test", account.Handle);
        Assert.Equal("brand.test", account.DisplayName);
        Assert.Null(account.AvatarUrl);
    }

    [Fact]
    public async Task the_accounts_pds_is_read_from_its_did_document_not_the_address_signed_in_at()
    {
        await using var world = await BlueskyWorld.StartAsync();
        var entry = new UriBuilder(world.Pds.Address) { Host = "localhost" }.Uri;

        var account = await world.Connector.CompleteConnectAsync(new ConnectCompletion
        {
            RedirectUri = new Uri("urn:x"),
            Fields = new Dictionary<string, string> { ["handle"] = "brand.test", ["app_password"] = BlueskyWorld.BrandPassword, ["pds"] = entry.AbsoluteUri },
        }, CancellationToken.None);

        Assert.Equal("localhost", entry.Host);
        Assert.Equal(world.Pds.Address.AbsoluteUri, account.Credentials.Require("pds"));
        world.Pds.AssertNoViolations();
    }
}
