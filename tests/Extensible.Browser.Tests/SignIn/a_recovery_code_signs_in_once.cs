using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.SignIn;

public sealed class a_recovery_code_signs_in_once(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task in_place_of_a_code_from_the_app()
    {
        var email = await console.AddMemberAsync(Role.Moderator, "Rory Recovery");
        var user = (await console.Directory.FindUserByEmailAsync(email))!;
        var twoFactor = console.Host.Services.GetRequiredService<TwoFactorService>();
        var enrollment = twoFactor.Begin(email);
        var codes = await twoFactor.EnableAsync(user.Id, enrollment.Sealed, Totp.Code(Base32.Decode(enrollment.Key)!, DateTimeOffset.UtcNow));
        await using var tab = await console.OpenTabAsync();

        await tab.SignInAsync(email, OwnedConsole.Password);
        await tab.Main.GetByLabel("Code").FillAsync(codes[0]);
        await tab.SubmitAsync("Verify");

        await Expect(tab.Main.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Rory Recovery" })).ToBeVisibleAsync();
        await tab.OpenAsync("/account/security");
        await Expect(tab.Main).ToContainTextAsync("9 recovery codes are left.");
        await tab.SubmitAsync("Sign out", tab.Page.Locator("header"));

        await tab.SignInAsync(email, OwnedConsole.Password);
        await tab.Main.GetByLabel("Code").FillAsync(codes[0]);
        await tab.SubmitAsync("Verify");
        await Expect(tab.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code does not work.");
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login/code"));
        tab.AssertNothingWentWrong();
    }
}
