using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Input;

public sealed class setup_refuses_bad_input(UnclaimedConsole console) : IClassFixture<UnclaimedConsole>
{
    [Theory]
    [InlineData("", "", "", "", "Name Email Password Workspace")]
    [InlineData(BadInput.Megabyte, "olive@example.com", "correct horse battery", "Acme", "Name")]
    [InlineData("Olive", "olive@example.com", BadInput.Megabyte, "Acme", "Password")]
    [InlineData("Olive", "olive@example.com", "correct horse battery", BadInput.Megabyte, "Workspace")]
    [InlineData("Olive", "<script>alert('owned')</script>", "correct horse battery", "Acme", "Email")]
    [InlineData("Olive", "olive@example.com'; DROP TABLE extensible.events; --", "correct horse battery", "Acme", "Email")]
    [InlineData("Olive", "olive@example.com", "short", "Acme", "Password")]
    public async Task shows_why_next_to_the_field_and_stores_nothing(string name, string email, string password, string workspace, string refusedFields)
    {
        await using var tab = await console.OpenTabAsync();
        await tab.OpenAsync(console.SetupLink);
        var form = tab.Main.Locator("form");
        await ConsoleTab.SkipBrowserChecksAsync(form);
        var before = await console.EventCountAsync();

        await BadInput.FillAsync(form.GetByLabel("Your name"), name);
        await BadInput.FillAsync(form.GetByLabel("Email"), email);
        await BadInput.FillAsync(form.GetByLabel("Password (at least 10 characters)"), password);
        await BadInput.FillAsync(form.GetByLabel("First workspace"), workspace);
        await tab.SubmitAsync("Create the owner");

        foreach (var field in refusedFields.Split(' '))
        {
            await Expect(form.Locator($"[data-valmsg-for='Input.{field}']")).ToHaveTextAsync(new Regex(@"\w"));
        }

        // Still the setup form, with the link's token, so the owner can correct it and try again.
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Create the owner" })).ToBeVisibleAsync();
        Assert.False(await console.Directory.AnyUserAsync());
        Assert.Equal(before, await console.EventCountAsync());
        tab.AssertNothingWentWrong();
    }
}
