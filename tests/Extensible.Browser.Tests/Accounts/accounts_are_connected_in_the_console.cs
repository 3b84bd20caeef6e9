using Extensible.Testing.Plugins.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Accounts;

public sealed class accounts_are_connected_in_the_console(AccountsConsole console) : IClassFixture<AccountsConsole>
{
    [Fact]
    public async Task three_sandbox_accounts_connect_with_one_click_each()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/accounts");
        var connect = owner.Main.Locator("li.network[data-network='sandbox']").GetByRole(AriaRole.Button, new() { Name = "Connect a Sandbox network (simulated) account" });
        var rows = owner.Main.Locator("section.account-network[data-network='sandbox'] tr.account");
        var before = await rows.CountAsync();

        for (var i = 1; i <= 3; i++)
        {
            await connect.ClickAsync();
            await Expect(rows).ToHaveCountAsync(before + i);
        }

        await Expect(rows.Locator("[data-state='connected']")).ToHaveCountAsync(before + 3);
        owner.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_oauth_account_connects_through_the_networks_authorize_page()
    {
        await console.FakeNetworksAsync();
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/accounts");

        await owner.Main.Locator($"li.network[data-network='{FakeNetworksPlugin.OAuthKey}']").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(owner.Page.Locator("h1")).ToHaveTextAsync("Fake network");
        await owner.Page.Locator("#authorize").ClickAsync();

        await Expect(owner.Main.Locator(".notice")).ToContainTextAsync($"Connected @{FakeAuthorizePage.Login}.");
        var row = owner.Main.Locator($"section.account-network[data-network='{FakeNetworksPlugin.OAuthKey}'] tr.account");
        await Expect(row.Locator(".account-handle")).ToHaveTextAsync($"@{FakeAuthorizePage.Login}");
        await Expect(row.Locator("img.avatar")).ToHaveAttributeAsync("src", $"https://oauthnet.invalid/avatars/{FakeAuthorizePage.Login}.png");
    }

    [Fact]
    public async Task an_account_whose_credentials_fail_turns_needs_reconnect_live_with_a_notice()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/accounts");
        await owner.Main.Locator("li.network[data-network='sandbox']").GetByRole(AriaRole.Button).ClickAsync();
        var row = owner.Main.Locator("section.account-network[data-network='sandbox'] tr.account").Last;
        await Expect(row).ToHaveAttributeAsync("data-health", "connected");
        var accountId = Guid.Parse((await row.GetAttributeAsync("data-account"))!);

        // The publisher (or the refresher, on any node) finds the credentials refused.
        await console.Vault.ReportNeedsReconnectAsync(console.WorkspaceId, accountId, "The network revoked the token.", CancellationToken.None);

        var live = owner.Main.Locator($"tr[data-account='{accountId}']");
        await Expect(live).ToHaveAttributeAsync("data-health", "needs-reconnect");
        await Expect(live.Locator(".account-reason")).ToHaveTextAsync("The network revoked the token.");
        await Expect(owner.Page.Locator("#toasts .toast[data-kind='error']")).ToContainTextAsync("needs a reconnect: The network revoked the token.");

        await live.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Reconnect") }).ClickAsync();
        await Expect(owner.Main.Locator($"tr[data-account='{accountId}']")).ToHaveAttributeAsync("data-health", "connected");
    }
}
