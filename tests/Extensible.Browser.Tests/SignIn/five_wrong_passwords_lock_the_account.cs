using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.SignIn;

public sealed class five_wrong_passwords_lock_the_account(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task the_fifth_wrong_password_locks_it_and_then_the_right_one_is_refused_too()
    {
        await using var tab = await console.OpenTabAsync();
        var message = tab.Main.GetByRole(AriaRole.Alert);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await tab.SignInAsync(OwnedConsole.OwnerEmail, $"wrong password {attempt}");
            await Expect(message).ToHaveTextAsync("Wrong email or password.");
        }

        await tab.SignInAsync(OwnedConsole.OwnerEmail, "wrong password 5");
        await Expect(message).ToContainTextAsync("Too many failed attempts");

        await tab.SignInAsync(OwnedConsole.OwnerEmail, OwnedConsole.Password);
        await Expect(message).ToContainTextAsync("Too many failed attempts");
        await Expect(tab.Page).ToHaveURLAsync(new Uri(console.Host.Address, "/account/login").ToString());
        var owner = await console.Directory.FindUserByEmailAsync(OwnedConsole.OwnerEmail);
        Assert.True(owner?.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {owner?.LockedUntil}.");
        tab.AssertNothingWentWrong();
    }
}
