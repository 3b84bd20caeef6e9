using Extensible.Plugins.Bluesky.Network.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Network.Tests.Connecting;

[Collection(ReferenceNetworkCollection.Name)]
public sealed class app_passwords_connect_accounts_of_the_pds(AtprotoNetwork network)
{
    [Fact]
    public async Task an_app_password_connects_the_account_and_its_session_works()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var brand = await network.CreateAccountAsync("brand");

        var connected = await bluesky.ConnectAsync(brand);

        Assert.Equal(brand.Did, connected.PlatformAccountId);
        Assert.Equal("@" + brand.Handle, connected.Handle);
        Assert.Equal(brand.Did, connected.Credentials.PlatformAccountId);
        Assert.Contains(bluesky.Harness.Http.Requests, r => r.Uri.AbsolutePath == "/xrpc/com.atproto.server.createSession" && r.Uri.Port == network.Pds.Port);
        Assert.DoesNotContain(bluesky.Harness.Logs.Entries, e => e.Message.Contains(brand.AppPassword, StringComparison.Ordinal));
        var page = await bluesky.Connector.PollInboxAsync(connected.Credentials, null, CancellationToken.None);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task a_wrong_app_password_is_refused_with_the_network_s_message()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var brand = await network.CreateAccountAsync("brand");

        var refused = await Assert.ThrowsAsync<PlatformException>(() => bluesky.ConnectAsync(brand, appPassword: "aaaa-bbbb-cccc-dddd"));

        Assert.Equal(PlatformFailure.Rejected, refused.Failure);
        Assert.Equal(401, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.PlatformMessage));
    }

    [Fact]
    public async Task refreshed_credentials_are_new_tokens_the_pds_accepts()
    {
        using var bluesky = BlueskyOnTheNetwork.Start(network);
        var brand = await network.CreateAccountAsync("brand");
        var connected = await bluesky.ConnectAsync(brand);

        var refreshed = await bluesky.Connector.RefreshCredentialsAsync(connected.Credentials, CancellationToken.None);

        Assert.Equal(brand.Did, refreshed.PlatformAccountId);
        Assert.NotEqual(connected.Credentials.Values.OrderBy(v => v.Key), refreshed.Values.OrderBy(v => v.Key));
        var published = await bluesky.Connector.PublishAsync(new PublishRequest
        {
            Account = refreshed,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Content = new PostContent { Kind = ContentKinds.Text, Text = "Posted with a renewed session" },
        }, CancellationToken.None);
        var stored = await network.Xrpc.GetRecordAsync(network.Pds, published.PlatformPostId);
        Assert.Equal("Posted with a renewed session", stored.GetProperty("value").GetProperty("text").GetString());
    }
}
