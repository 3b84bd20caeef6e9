using System.Net;
using System.Net.Http.Json;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Plugins.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class credentials_are_refreshed_before_they_expire(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task a_refresh_keeps_the_refresh_token_the_network_did_not_return()
    {
        // Tokens that last two minutes: inside the five-minute margin from the start.
        await host.FakeNetworksAsync(expiresInSeconds: 120);
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("fresh-fay");
        var connected = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;

        Assert.StartsWith("at-refreshed-", connected.Credentials!.Require("access_token"), StringComparison.Ordinal);
        Assert.StartsWith("rt-", connected.Credentials.Require("refresh_token"), StringComparison.Ordinal);
        Assert.True(connected.Credentials.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));
        var refreshed = Assert.Single(await host.EventsAsync("account_credentials_refreshed"), e => e.Contains(accountId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(connected.Credentials.Require("refresh_token"), refreshed, StringComparison.Ordinal);

        // Fresh now: opening again refreshes nothing.
        var again = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;
        Assert.Equal(connected.Credentials.Require("access_token"), again.Credentials!.Require("access_token"));
    }

    [Fact]
    public async Task many_callers_at_once_refresh_an_account_once()
    {
        await host.FakeNetworksAsync(expiresInSeconds: 60);
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("crowd-cid");

        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None)));

        Assert.Single(opened.Select(o => o!.Credentials!.Require("access_token")).Distinct());
        Assert.Single(await host.EventsAsync("account_credentials_refreshed"), e => e.Contains(accountId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_refused_refresh_marks_the_account_needs_reconnect_once()
    {
        await host.FakeNetworksAsync(expiresInSeconds: 60, refreshFails: true);
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("revoked-rob");

        var first = await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None);
        var second = await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None);
        await host.Vault.ReportNeedsReconnectAsync(workspaceId, accountId, "Again.", CancellationToken.None);

        Assert.Null(first!.Credentials);
        Assert.Null(second!.Credentials);
        Assert.Equal(AccountHealth.NeedsReconnect, first.Account.Health);
        Assert.Contains("revoked", first.Account.HealthReason, StringComparison.Ordinal);
        Assert.Single(await host.EventsAsync("account_needs_reconnect"), e => e.Contains(accountId.ToString(), StringComparison.Ordinal));
        await host.FakeNetworksAsync();
    }

    [Fact]
    public async Task the_background_refresher_refreshes_an_account_nobody_uses()
    {
        await host.FakeNetworksAsync(expiresInSeconds: 60);
        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("idle-ida");
        var refresher = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AccountRefresher>().Single();

        await refresher.RefreshDueAsync(CancellationToken.None);

        var account = (await host.AccountDirectory.FindAsync(workspaceId, accountId))!;
        Assert.True(account.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30), $"Expires at {account.ExpiresAt}.");
        await host.FakeNetworksAsync();
    }

    [Fact]
    public async Task a_refresh_uses_the_workspaces_current_app_which_is_never_stored_with_the_account()
    {
        await host.FakeNetworksAsync(expiresInSeconds: 60);
        using var api = await host.OwnerApiAsync();
        using (await api.PutAsJsonAsync($"/api/v1/accounts/apps/{FakeNetworksPlugin.OAuthKey}", new { clientId = "acme-client", clientSecret = "acme-secret-1" }))
        {
        }

        var (workspaceId, accountId) = await host.ConnectFakeOAuthAsync("rotating-rita");
        // The Admin rotates the app's secret after the account was connected: the refresh must use the app as it is now.
        using (var rotated = await api.PutAsJsonAsync($"/api/v1/accounts/apps/{FakeNetworksPlugin.OAuthKey}", new { clientId = "acme-client-2", clientSecret = "acme-secret-2" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rotated.StatusCode);
        }

        var opened = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;

        Assert.StartsWith("at-refreshed-", opened.Credentials!.Require("access_token"), StringComparison.Ordinal);
        Assert.Equal("acme-client-2", await host.ScalarAsync<string>("select value from plugin_store where key = 'refreshed-with'"));
        Assert.Null(opened.Credentials.App);
        var refreshed = Assert.Single(await host.EventsAsync("account_credentials_refreshed"), e => e.Contains(accountId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("acme-secret-2", refreshed, StringComparison.Ordinal);
        using (await api.DeleteAsync($"/api/v1/accounts/apps/{FakeNetworksPlugin.OAuthKey}"))
        {
        }

        await host.FakeNetworksAsync();
    }
}
