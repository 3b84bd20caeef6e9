using System.Collections.Concurrent;
using Extensible.Admin.Live;
using Extensible.Host.Tests.Live;
using Extensible.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Extensible.Admin.Pages.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Extensible.Host.Tests.Publishing.Accounts;

public sealed class the_accounts_room_follows_changes_live(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task the_follower_runs_and_renders_the_list_with_text_encoded()
    {
        var updates = host.Services.GetServices<IHostedService>().OfType<AccountRoomUpdates>().Single();
        Assert.False(updates.ExecuteTask?.IsCompleted ?? true, $"The Accounts room's follower stopped: {updates.ExecuteTask?.Exception}");

        var accountId = await host.ConnectSandboxAsync();
        var (_, workspaceId) = await host.OwnerAsync();
        var account = (await host.AccountDirectory.FindAsync(workspaceId, accountId))! with
        {
            DisplayName = "<script>alert(1)</script>", AvatarUrl = "javascript:alert(1)", LastError = "<b>refused</b>",
        };
        var html = await host.Services.GetRequiredService<FragmentRenderer>().RenderPartialAsync(
            "/Pages/Accounts/_AccountGroups.cshtml", new AccountGroups([account], new Dictionary<string, string> { ["sandbox"] = "Sandbox" }));

        Assert.Contains($"data-account=\"{accountId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_account_marked_needs_reconnect_is_pushed_to_the_room_with_a_notice()
    {
        var accountId = await host.ConnectSandboxAsync();
        var (_, workspaceId) = await host.OwnerAsync();
        await using var connection = await ConsoleConnection.OpenAsync(host.Host.Address, await host.SessionCookieAsync());
        var swaps = new ConcurrentQueue<string>();
        connection.Hub.On<string>(ConsoleHub.SwapMethod, swaps.Enqueue);
        await connection.JoinViewAsync("accounts");

        await host.Vault.ReportNeedsReconnectAsync(workspaceId, accountId, "The network revoked the token.", CancellationToken.None);

        await Eventually.HoldsAsync(() => swaps.Any(s => s.Contains($"data-account=\"{accountId}\" data-health=\"needs-reconnect\"", StringComparison.Ordinal)
            || (s.Contains(accountId.ToString(), StringComparison.Ordinal) && s.Contains("needs-reconnect", StringComparison.Ordinal))), "the room's list is pushed");
        await Eventually.HoldsAsync(() => swaps.Any(s => s.Contains("needs a reconnect: The network revoked the token.", StringComparison.Ordinal)), "the notice is pushed");
    }
}
