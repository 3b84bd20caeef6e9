using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Extensible.Publishing.Accounts;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class accounts_pause_resume_and_disconnect(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task pausing_and_resuming_through_the_api_shows_on_the_account()
    {
        var accountId = await host.ConnectSandboxAsync();
        using var api = await host.OwnerApiAsync();

        using (var paused = await api.PostAsync($"/api/v1/accounts/{accountId}/pause", null))
        {
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            Assert.True((await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        }

        var (_, workspaceId) = await host.OwnerAsync();
        Assert.False((await host.AccountDirectory.FindAsync(workspaceId, accountId))!.CanPublish);
        using (var resumed = await api.PostAsync($"/api/v1/accounts/{accountId}/resume", null))
        {
            Assert.False((await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        }

        Assert.True((await host.AccountDirectory.FindAsync(workspaceId, accountId))!.CanPublish);
        Assert.Equal(2, (await host.EventsAsync("account_pause_changed")).Count(e => e.Contains(accountId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task disconnecting_forgets_the_credentials()
    {
        var accountId = await host.ConnectSandboxAsync();
        var (_, workspaceId) = await host.OwnerAsync();
        Assert.NotNull((await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!.Credentials);
        using var api = await host.OwnerApiAsync();

        using (var answer = await api.DeleteAsync($"/api/v1/accounts/{accountId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        Assert.Null(await host.ScalarAsync<string>("select protected_credentials from publishing_accounts where id = $1", accountId));
        var access = (await host.Vault.OpenAsync(workspaceId, accountId, CancellationToken.None))!;
        Assert.Equal(AccountHealth.Disconnected, access.Account.Health);
        Assert.Null(access.Credentials);
        var list = await api.GetStringAsync("/api/v1/accounts");
        Assert.DoesNotContain(accountId.ToString(), list, StringComparison.Ordinal);
        using var paused = await api.PostAsync($"/api/v1/accounts/{accountId}/pause", null);
        Assert.Equal(HttpStatusCode.BadRequest, paused.StatusCode);
    }

    [Fact]
    public async Task an_account_of_another_workspace_is_not_found()
    {
        var accountId = await host.ConnectSandboxAsync();
        var (ownerId, _) = await host.OwnerAsync();
        var other = await host.People.CreateWorkspaceAsync("Other", ownerId, PublishingHost.OwnerEmail);
        var access = await host.Vault.OpenAsync(other, accountId, CancellationToken.None);
        Assert.Null(access);
        await Assert.ThrowsAsync<AccountRequestException>(() => host.Accounts.DisconnectAsync(other, accountId, PublishingHost.OwnerEmail, ownerId, CancellationToken.None));
    }
}
