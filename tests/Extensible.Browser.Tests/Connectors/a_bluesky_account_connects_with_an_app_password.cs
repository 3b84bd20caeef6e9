using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Connectors;

public sealed class a_bluesky_account_connects_with_an_app_password(BlueskyConsole console) : IClassFixture<BlueskyConsole>
{
    [Fact]
    public async Task the_owner_enters_handle_app_password_and_pds_and_the_account_shows_as_connected()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/accounts");

        await owner.Main.Locator("li.network[data-network='bluesky']").GetByRole(AriaRole.Button, new() { Name = "Connect a Bluesky account" }).ClickAsync();
        var form = owner.Main.Locator("form.connect-fields");
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator("input[name='fields[app_password]']")).ToHaveAttributeAsync("type", "password");
        await Expect(form.Locator("input[name='fields[pds]']")).Not.ToHaveAttributeAsync("required", "");
        await form.Locator("input[name='fields[handle]']").FillAsync("@" + BlueskyConsole.Handle);
        await form.Locator("input[name='fields[app_password]']").FillAsync(BlueskyConsole.AppPassword);
        await form.Locator("input[name='fields[pds]']").FillAsync(console.Pds.Address.AbsoluteUri);
        await form.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(owner.Main.Locator(".notice")).ToContainTextAsync($"Connected @{BlueskyConsole.Handle}.");
        var row = owner.Main.Locator("section.account-network[data-network='bluesky'] tr.account");
        await Expect(row.Locator(".account-handle")).ToHaveTextAsync($"@{BlueskyConsole.Handle}");
        await Expect(row).ToHaveAttributeAsync("data-health", "connected");
        // An app password needs no app of the workspace's own: the console offers none for Bluesky.
        await Expect(owner.Main.Locator("form.app-credentials[data-network='bluesky']")).ToHaveCountAsync(0);
        Assert.Contains(console.Pds.Calls, c => c.Nsid == "com.atproto.server.createSession");
        console.Pds.AssertNoViolations();
        owner.AssertNothingWentWrong();
    }
}
