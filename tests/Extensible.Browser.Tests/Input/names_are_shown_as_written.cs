using Extensible.Browser.Tests.Support;
using Extensible.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Input;

public sealed class names_are_shown_as_written(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Theory]
    [InlineData("<script>alert('owned')</script>")]
    [InlineData("<img src=x onerror=alert(1)><b>bold</b>")]
    [InlineData("Robert'); DROP TABLE extensible.events; --")]
    public async Task a_name_that_looks_like_code_is_stored_and_shown_as_text_and_never_runs(string name)
    {
        var (email, link) = await console.InviteAsync(Role.Analyst);
        await using var newcomer = await console.OpenTabAsync();
        await newcomer.OpenAsync(link);
        await newcomer.Main.GetByLabel("Your name").FillAsync(name);
        await newcomer.Main.GetByLabel("Choose a password (at least 10 characters)").FillAsync(OwnedConsole.Password);

        await newcomer.SubmitAsync("Join");

        await Expect(newcomer.Main.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");
        await Expect(newcomer.Page.Locator(".user-menu .user-name")).ToHaveTextAsync(name);
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/members");
        await Expect(owner.Main.Locator("tr", new() { HasText = email }).Locator("td").First).ToHaveTextAsync(name);
        foreach (var tab in new[] { newcomer, owner })
        {
            // Had the name been read as markup, these elements would exist (and the CSP would have logged the script).
            await Expect(tab.Page.Locator("main script, main img, main b, header script, header img, header b")).ToHaveCountAsync(0);
            tab.AssertNothingWentWrong();
        }

        Assert.Equal(name, (await console.Directory.FindUserByEmailAsync(email))?.DisplayName);
    }
}
