using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.People.Sessions;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Live;

/// <summary>A page left open shows no more than its person may see now: the server closes its connection, and it reloads.</summary>
public sealed class an_open_page_follows_its_persons_rights(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    private static readonly Regex SignIn = new("/account/login(\\?|$)");
    private static readonly Regex Denied = new("/account/denied(\\?|$)");

    [Fact]
    public async Task a_page_of_a_member_signed_out_everywhere_goes_to_the_sign_in_page()
    {
        var email = await console.AddMemberAsync(Role.Editor, "Eve Editor");
        await using var member = await console.OpenTabAsync();
        await member.SignInAsync(email, OwnedConsole.Password);
        await member.OpenAsync("/compose");
        await Expect(member.LiveState).ToHaveAttributeAsync("data-state", "live");

        var userId = (await console.Directory.FindUserByEmailAsync(email))!.Id;
        var ownerId = (await console.Directory.FindUserByEmailAsync(OwnedConsole.OwnerEmail))!.Id;
        await console.Host.Services.GetRequiredService<SessionService>()
            .SignOutEverywhereAsync(console.WorkspaceId, userId, ownerId, Role.Owner, OwnedConsole.OwnerEmail);

        await Expect(member.Page).ToHaveURLAsync(SignIn, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task a_members_page_of_an_admin_made_analyst_reloads_to_what_an_analyst_sees()
    {
        var email = await console.AddMemberAsync(Role.Admin, "Ada Admin");
        await using var member = await console.OpenTabAsync();
        await member.SignInAsync(email, OwnedConsole.Password);
        await member.OpenAsync("/members");
        await Expect(member.LiveState).ToHaveAttributeAsync("data-state", "live");

        var userId = (await console.Directory.FindUserByEmailAsync(email))!.Id;
        await console.People.ChangeRoleAsync(console.WorkspaceId, userId, Role.Analyst, Role.Owner, OwnedConsole.OwnerEmail);

        await Expect(member.Page).ToHaveURLAsync(Denied, new() { Timeout = 15_000 });
    }
}
