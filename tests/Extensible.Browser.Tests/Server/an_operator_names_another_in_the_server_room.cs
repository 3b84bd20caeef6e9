using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Server;

/// <summary>
/// The Server room is the server operator's: an Admin sees neither it nor a way to create workspaces or change plugins,
/// until an operator names them; then they do, at their next page.
/// </summary>
public sealed class an_operator_names_another_in_the_server_room(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task an_admin_named_operator_may_create_workspaces_and_install_plugins()
    {
        var email = await console.AddMemberAsync(Role.Admin, "Ada Admin");
        await using var admin = await console.OpenTabAsync();
        await admin.SignInAsync(email, OwnedConsole.Password);
        await Expect(admin.Navigation.GetByRole(AriaRole.Link, new() { Name = "Server" })).ToHaveCountAsync(0);
        await admin.OpenAsync("/settings");
        await Expect(admin.Main.GetByRole(AriaRole.Button, new() { Name = "Create workspace" })).ToHaveCountAsync(0);
        await admin.OpenAsync("/server");
        await Expect(admin.Page).ToHaveURLAsync(new Regex("/account/denied"));

        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/server");
        await Expect(owner.Main.Locator("#operators")).ToContainTextAsync(OwnedConsole.OwnerEmail);
        await owner.Main.GetByLabel("Email of someone with an account").FillAsync(email);
        await owner.SubmitAsync("Make operator");
        await Expect(owner.Main.Locator("#operators")).ToContainTextAsync(email);

        await admin.OpenAsync("/plugins");
        await Expect(admin.Main.GetByLabel("Plugin archive")).ToHaveCountAsync(1);
        await Expect(admin.Navigation.GetByRole(AriaRole.Link, new() { Name = "Server" })).ToHaveCountAsync(1);
        await admin.OpenAsync("/settings");
        await admin.Main.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).Last.FillAsync("Ada's client");
        await admin.SubmitAsync("Create workspace");
        await Expect(admin.Page.Locator(".user-menu .user-role")).ToHaveTextAsync("Owner");

        owner.AssertNothingWentWrong();
        admin.AssertNothingWentWrong();
    }
}
