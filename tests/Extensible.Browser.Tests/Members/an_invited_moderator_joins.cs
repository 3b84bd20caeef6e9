using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Members;

public sealed class an_invited_moderator_joins(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task through_the_link_the_owner_makes_and_sees_the_inbox_but_not_compose_or_members()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        var invite = owner.Main.Locator("form", new() { Has = owner.Page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }) });
        await invite.GetByLabel("Email").FillAsync("mo@example.com");
        await invite.GetByLabel("Role").SelectOptionAsync("Moderator");
        await owner.SubmitAsync("Create invitation link");
        var link = await owner.Main.Locator("#invitation-link").TextContentAsync();
        Assert.StartsWith($"{console.Host.Address}invitations/", link, StringComparison.Ordinal);
        await Expect(owner.Main).ToContainTextAsync("mo@example.com as Moderator");

        await using var moderator = await console.OpenTabAsync();
        await moderator.OpenAsync(link!);
        await Expect(moderator.Main.GetByRole(AriaRole.Heading, new() { Name = "Join Acme" })).ToBeVisibleAsync();
        await Expect(moderator.Main).ToContainTextAsync("You are invited as Moderator (mo@example.com).");
        await moderator.Main.GetByLabel("Your name").FillAsync("Mo Moderator");
        await moderator.Main.GetByLabel("Choose a password (at least 10 characters)").FillAsync("moderating all day");
        await moderator.SubmitAsync("Join");

        await Expect(moderator.Page).ToHaveURLAsync(console.Host.Address.ToString());
        await Expect(moderator.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Mo Moderator" })).ToBeVisibleAsync();
        await Expect(moderator.Main).ToContainTextAsync("You are working in Acme as Moderator.");
        await Expect(moderator.Navigation.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(moderator.Navigation.GetByRole(AriaRole.Link, new() { Name = "Compose" })).ToHaveCountAsync(0);
        await Expect(moderator.Navigation.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);

        await moderator.OpenAsync("/inbox");
        await Expect(moderator.Main.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await moderator.OpenAsync("/compose");
        await ExpectDeniedAsync(moderator);
        await moderator.OpenAsync("/members");
        await ExpectDeniedAsync(moderator);

        // The owner's list shows the new member, and the link is spent.
        await owner.OpenAsync("/members");
        await Expect(owner.Main.Locator("tr", new() { HasText = "mo@example.com" })).ToContainTextAsync("Mo Moderator");
        await Expect(owner.Main).Not.ToContainTextAsync("Waiting to be accepted");
        await moderator.OpenAsync(link!);
        await Expect(moderator.Main.GetByRole(AriaRole.Heading, new() { Name = "Invitation not valid" })).ToBeVisibleAsync();
        var members = await console.Directory.MembersAsync(console.WorkspaceId);
        Assert.Equal(Role.Moderator, Assert.Single(members, m => m.Email == "mo@example.com").Role);
        owner.AssertNothingWentWrong();
        moderator.AssertNothingWentWrong();
    }

    private async Task ExpectDeniedAsync(ConsoleTab tab)
    {
        await Expect(tab.Page).ToHaveURLAsync(new Regex($"^{Regex.Escape(console.Host.Address.ToString())}account/denied"));
        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }
}
