using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Shell;

public sealed class the_workspace_switcher_changes_the_current_workspace(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task choosing_another_workspace_in_the_header_stays_on_the_page_in_that_workspace()
    {
        var owner = await console.Directory.FindUserByEmailAsync(OwnedConsole.OwnerEmail);
        var globex = await console.People.CreateWorkspaceAsync("Globex <b>Corp</b>", owner!.Id, OwnedConsole.OwnerEmail);
        await using var tab = await console.OwnerTabAsync();
        await tab.OpenAsync("/audit");

        var switcher = tab.Page.Locator("header").GetByLabel("Workspace");
        await Expect(switcher).ToHaveValueAsync(console.WorkspaceId.ToString());
        await switcher.SelectOptionAsync(new SelectOptionValue { Label = "Globex <b>Corp</b>" });

        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/audit").ToString());
        await Expect(tab.Page.Locator("header").GetByLabel("Workspace")).ToHaveValueAsync(globex.ToString());
        await Expect(tab.Page.Locator("header b")).ToHaveCountAsync(0);
        tab.AssertNothingWentWrong();
    }
}
