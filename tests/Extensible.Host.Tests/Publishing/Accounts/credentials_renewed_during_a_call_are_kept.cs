using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Extensible.Testing.Plugins.Accounts;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class credentials_renewed_during_a_call_are_kept(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task a_connector_that_renews_during_a_call_hands_the_host_credentials_it_stores_at_once()
    {
        await host.FakeNetworksAsync();
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("renewing-rae");
        var before = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;

        await PublishAsync(before, "k1", "Hello [renew]");

        Assert.Equal("yes", await host.ScalarAsync<string>("select value from plugin_store where key = 'renewal-kept-k1'"));
        var after = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;
        Assert.Equal("at-renewed-k1", after.Credentials!.Require("access_token"));
        Assert.Equal("rt-renewed-k1", after.Credentials.Require("refresh_token"));
        // A value the renewal did not carry is kept; the expiry is the renewed one.
        Assert.Equal(before.Credentials!.Require("client_id"), after.Credentials.Require("client_id"));
        Assert.True(after.Credentials.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(90));
        var recorded = Assert.Single(await host.EventsAsync("account_credentials_refreshed"), e => e.Contains(accountId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("rt-renewed-k1", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_renewal_made_with_credentials_no_longer_stored_changes_nothing()
    {
        await host.FakeNetworksAsync();
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("stale-stu");
        var stale = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;
        await PublishAsync(stale, "s1", "First [renew]");

        // Another node renewed meanwhile: a call still holding the older credentials does not overwrite the newer ones.
        await PublishAsync(stale, "s2", "Late [renew]");

        Assert.Equal("no", await host.ScalarAsync<string>("select value from plugin_store where key = 'renewal-kept-s2'"));
        var stored = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;
        Assert.Equal("rt-renewed-s1", stored.Credentials!.Require("refresh_token"));
    }

    [Fact]
    public async Task a_plugin_cannot_renew_another_plugins_account_or_move_credentials_to_another_account()
    {
        await host.FakeNetworksAsync();
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("guarded-gil");
        var current = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!.Credentials!;
        var renewed = new AccountCredentials { PlatformAccountId = current.PlatformAccountId, Values = new Dictionary<string, string> { ["access_token"] = "stolen" } };

        Assert.False(await host.Vault.KeepAsync("extensible.sandbox", current, renewed, CancellationToken.None));
        Assert.False(await host.Vault.KeepAsync(FakeNetworksPlugin.Id, current, renewed with { PlatformAccountId = "oa-someone-else" }, CancellationToken.None));
        Assert.False(await host.Vault.KeepAsync(FakeNetworksPlugin.Id, current with { Values = new Dictionary<string, string>() }, renewed, CancellationToken.None));

        var stored = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!.Credentials!;
        Assert.Equal(current.Require("access_token"), stored.Require("access_token"));
    }

    private static async Task PublishAsync(AccountAccess access, string key, string text)
    {
        var request = new PublishRequest { Account = access.Credentials!, IdempotencyKey = key, Content = new PostContent { Kind = ContentKinds.Text, Text = text } };
        await access.Connector!.CallAsync("publish", (c, t) => c.PublishAsync(request, t), CancellationToken.None);
    }
}
