using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Members;

public sealed class a_role_change_applies_at_the_next_page(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    private static readonly Regex Denied = new("/account/denied(\\?|$)");

    [Fact]
    public async Task a_moderator_made_editor_may_compose_and_no_longer_work_the_inbox()
    {
        var email = await console.AddMemberAsync(Role.Moderator, "Maya Member");
        await using var member = await console.OpenTabAsync();
        await member.SignInAsync(email, OwnedConsole.Password);
        await member.OpenAsync("/compose");
        await Expect(member.Page).ToHaveURLAsync(Denied);
        await member.Page.Locator("html").EvaluateAsync("html => { html.dataset.testBeforeChange = ''; }");

        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        var row = owner.Main.Locator("tr", new() { HasText = email });
        await row.GetByLabel("Role of Maya Member").SelectOptionAsync("Editor");
        await owner.SubmitAsync("Change", row);
        await Expect(owner.Main.Locator("tr", new() { HasText = email }).GetByLabel("Role of Maya Member")).ToHaveValueAsync("Editor");

        // The member's open page was live: its connection is closed and, rights changed, it reloads itself. Opening
        // another page while that reload is under way raced it (the navigation never finished loading), so wait for it.
        await Expect(member.Page.Locator("html[data-test-before-change]")).ToHaveCountAsync(0);
        await member.Page.WaitForLoadStateAsync(LoadState.Load);

        // The member's session is the same; the next page they open asks with the new role.
        await member.OpenAsync("/compose");
        await Expect(member.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/compose").ToString());
        await Expect(member.Main.GetByRole(AriaRole.Heading, new() { Name = "Compose", Exact = true })).ToBeVisibleAsync();
        await Expect(member.Page.Locator(".user-menu .user-role")).ToHaveTextAsync("Editor");
        // Every member reads the inbox; only a moderator is offered its actions.
        await member.OpenAsync("/inbox");
        await Expect(member.Main.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await Expect(member.Main.Locator("#inbox-bulk")).ToHaveCountAsync(0);
        Assert.Equal(Role.Editor, (await console.Directory.MembersAsync(console.WorkspaceId)).Single(m => m.Email == email).Role);
        member.AssertNothingWentWrong();
        owner.AssertNothingWentWrong();
    }
}
