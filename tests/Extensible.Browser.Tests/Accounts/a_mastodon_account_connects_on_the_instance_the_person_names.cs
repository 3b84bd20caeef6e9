using Extensible.Testing.Networks.Mastodon;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Accounts;

public sealed class a_mastodon_account_connects_on_the_instance_the_person_names(MastodonConsole console) : IClassFixture<MastodonConsole>
{
    [Fact]
    public async Task the_console_asks_for_the_instance_then_sends_the_person_to_its_authorize_page_and_back()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/accounts");

        await owner.Main.Locator("li.network[data-network='mastodon']").GetByRole(AriaRole.Button, new() { Name = "Connect a Mastodon account" }).ClickAsync();
        var instance = owner.Main.GetByLabel("Instance (like mastodon.social)");
        await instance.FillAsync(console.Instance.Origin);
        await owner.Main.Locator("form.connect-fields").GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(owner.Page.Locator("h1")).ToHaveTextAsync("Authorization required");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

        var handle = $"@{FakeMastodon.BrandUsername}@fake.mastodon.test";
        await Expect(owner.Main.Locator(".notice")).ToContainTextAsync($"Connected {handle}.");
        var row = owner.Main.Locator("section.account-network[data-network='mastodon'] tr.account");
        await Expect(row.Locator(".account-handle")).ToHaveTextAsync(handle);
        await Expect(row).ToHaveAttributeAsync("data-health", "connected");
        Assert.Single(console.Instance.RegisteredApps);
        Assert.Single(console.Instance.IssuedTokens);
        owner.AssertNothingWentWrong();
    }
}
