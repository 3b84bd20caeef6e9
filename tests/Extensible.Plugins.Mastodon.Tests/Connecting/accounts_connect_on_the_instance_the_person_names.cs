using Extensible.Plugins.Mastodon.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Testing.Networks.Mastodon;

namespace Extensible.Plugins.Mastodon.Tests.Connecting;

public sealed class accounts_connect_on_the_instance_the_person_names
{
    [Fact]
    public async Task the_app_is_registered_once_per_instance_and_the_account_signs_in_with_pkce()
    {
        await using var world = await MastodonWorld.StartAsync();

        var first = await world.ConnectAsync();
        var second = await world.ConnectAsync();

        Assert.Single(world.Instance.RegisteredApps);
        Assert.Equal(2, world.Instance.IssuedTokens.Count);
        Assert.Equal(world.Instance.Brand.Id, first.PlatformAccountId);
        Assert.Equal("@brand@fake.mastodon.test", first.Handle);
        Assert.Equal(FakeMastodon.BrandDisplayName, first.DisplayName);
        Assert.Equal(world.Instance.Address.AbsoluteUri.TrimEnd('/'), first.Credentials.Require("instance"));
        Assert.Contains(first.Credentials.Require("access_token"), world.Instance.IssuedTokens);
        Assert.Null(first.Credentials.ExpiresAt);
        Assert.Equal("640", first.Credentials.Require("max_characters"));
        Assert.Equal(first.PlatformAccountId, second.PlatformAccountId);
    }

    [Fact]
    public async Task connecting_asks_for_the_instance_before_oauth_starts()
    {
        await using var world = await MastodonWorld.StartAsync();
        var profile = world.Harness.Connector("mastodon").Profile;

        var start = await world.Connector.BeginConnectAsync(
            new ConnectRequest(MastodonWorld.Callback, "state-1") { Fields = new Dictionary<string, string> { ["instance"] = world.Instance.Address.AbsoluteUri } },
            CancellationToken.None);

        Assert.Equal(AuthMethod.OAuth2Pkce, profile.Auth);
        Assert.Equal("instance", Assert.Single(profile.ConnectFields).Name);
        var query = start.AuthorizationUrl!.Query;
        Assert.Equal(world.Instance.Address.Authority, start.AuthorizationUrl.Authority);
        Assert.Contains("code_challenge_method=S256", query, StringComparison.Ordinal);
        Assert.Contains("state=state-1", query, StringComparison.Ordinal);
        Assert.Contains("scope=read%20write", query, StringComparison.Ordinal);
        Assert.DoesNotContain("code_verifier", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://mastodon.example")]
    [InlineData("https://mastodon.example/@brand")]
    [InlineData("https://user:pass@mastodon.example")]
    [InlineData("ftp://mastodon.example")]
    [InlineData("")]
    public async Task an_address_that_is_not_a_safe_instance_is_refused_before_any_call(string address)
    {
        await using var world = await MastodonWorld.StartAsync();

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.BeginConnectAsync(
            new ConnectRequest(MastodonWorld.Callback, "s") { Fields = new Dictionary<string, string> { ["instance"] = address } }, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Empty(world.Instance.RegisteredApps);
    }

    [Fact]
    public async Task a_code_exchanged_with_another_verifier_is_refused_by_the_token_endpoint()
    {
        await using var world = await MastodonWorld.StartAsync();
        var start = await world.Connector.BeginConnectAsync(
            new ConnectRequest(MastodonWorld.Callback, "s") { Fields = new Dictionary<string, string> { ["instance"] = world.Instance.Address.AbsoluteUri } },
            CancellationToken.None);
        var other = await world.Connector.BeginConnectAsync(
            new ConnectRequest(MastodonWorld.Callback, "t") { Fields = new Dictionary<string, string> { ["instance"] = world.Instance.Address.AbsoluteUri } },
            CancellationToken.None);
        var callback = await world.AuthorizeAsync(start.AuthorizationUrl!);

        var refused = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.CompleteConnectAsync(
            new ConnectCompletion { RedirectUri = MastodonWorld.Callback, Verifier = other.Verifier, Fields = callback }, CancellationToken.None));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Contains("code verifier does not match", refused.PlatformMessage, StringComparison.Ordinal);
        Assert.Empty(world.Instance.IssuedTokens);
    }

    [Fact]
    public async Task the_workspaces_own_app_is_used_instead_of_registering_one()
    {
        await using var world = await MastodonWorld.StartAsync();
        var (clientId, clientSecret) = world.Instance.RegisterAppByHand(MastodonWorld.Callback.AbsoluteUri);

        var account = await world.ConnectAsync(new AppCredentials { ClientId = clientId, ClientSecret = clientSecret });

        Assert.Equal(clientId, Assert.Single(world.Instance.RegisteredApps));
        Assert.Equal(world.Instance.Brand.Id, account.PlatformAccountId);
    }

    [Fact]
    public async Task a_revoked_token_makes_every_call_ask_for_a_reconnect()
    {
        await using var world = await MastodonWorld.StartAsync();
        var account = (await world.ConnectAsync()).Credentials;
        world.Instance.RevokeTokens();

        var publish = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PublishAsync(MastodonWorld.Post(account, "k", "Hello"), CancellationToken.None));
        var poll = await Assert.ThrowsAsync<PlatformException>(() => world.Connector.PollInboxAsync(account, null, CancellationToken.None));

        Assert.Equal(PlatformFailure.NeedsReconnect, publish.Failure);
        Assert.Equal(PlatformFailure.NeedsReconnect, poll.Failure);
        Assert.Equal("The access token is invalid", publish.PlatformMessage);
        Assert.Empty(world.Instance.Statuses);
    }
}
