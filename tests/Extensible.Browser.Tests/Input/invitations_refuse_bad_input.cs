using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Input;

public sealed class invitations_refuse_bad_input(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Theory]
    [InlineData("", "Moderator", "Email is required.")]
    [InlineData(BadInput.Megabyte, "Moderator", "Email must be at most 254 characters.")]
    [InlineData("<script>alert('owned')</script>", "Moderator", "Enter an email address like name@example.com.")]
    [InlineData("mo@example.com'; DROP TABLE extensible.events; --", "Moderator", "Enter an email address like name@example.com.")]
    [InlineData("owner@example.com", "Moderator", "owner@example.com is already a member of this workspace.")]
    [InlineData("mo@example.com", "Overlord", "The value 'Overlord' is not valid")]
    public async Task an_invitation_shows_why_it_was_refused_and_stores_nothing(string email, string role, string message)
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        var form = owner.Main.Locator("form", new() { Has = owner.Page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }) });
        await ConsoleTab.SkipBrowserChecksAsync(form);
        // A role the select does not offer, as a hand-made request would send.
        await form.GetByLabel("Role").EvaluateAsync("(select, role) => { select.options[0].value = role; select.selectedIndex = 0; }", role);
        await BadInput.FillAsync(form.GetByLabel("Email"), email);
        var (events, invitations) = (await console.EventCountAsync(), (await console.Directory.PendingInvitationsAsync(console.WorkspaceId)).Count);

        await owner.SubmitAsync("Create invitation link");

        await Expect(owner.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(owner.Main.Locator("#invitation-link")).ToHaveCountAsync(0);
        Assert.Equal(invitations, (await console.Directory.PendingInvitationsAsync(console.WorkspaceId)).Count);
        Assert.Equal(events, await console.EventCountAsync());
        owner.AssertNothingWentWrong();
    }

    [Theory]
    [InlineData("   ", "a good long password", "Name is required.")]
    [InlineData(BadInput.Megabyte, "a good long password", "Name must be at most 100 characters.")]
    [InlineData("Nia Newcomer", "too short", "Use a password of at least 10 characters.")]
    [InlineData("Nia Newcomer", BadInput.Megabyte, "Use a password of at most 256 characters.")]
    public async Task joining_shows_why_it_was_refused_and_joins_nobody(string name, string password, string message)
    {
        var (email, link) = await console.InviteAsync(Role.Analyst);
        await using var newcomer = await console.OpenTabAsync();
        await newcomer.OpenAsync(link);
        var form = newcomer.Main.Locator("form");
        await ConsoleTab.SkipBrowserChecksAsync(form);
        await BadInput.FillAsync(form.GetByLabel("Your name"), name);
        await BadInput.FillAsync(form.GetByLabel("Choose a password (at least 10 characters)"), password);
        var before = await console.EventCountAsync();

        await newcomer.SubmitAsync("Join");

        await Expect(newcomer.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(newcomer.Main.GetByRole(AriaRole.Button, new() { Name = "Join" })).ToBeVisibleAsync();
        Assert.Null(await console.Directory.FindUserByEmailAsync(email));
        Assert.Contains(await console.Directory.PendingInvitationsAsync(console.WorkspaceId), i => i.Email == email);
        Assert.Equal(before, await console.EventCountAsync());
        newcomer.AssertNothingWentWrong();
    }
}
