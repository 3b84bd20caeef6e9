using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Audit;

public sealed class the_audit_trail_reads_as_sentences(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    private const string Sam = "Sam <b>Smith</b>";

    [Fact]
    public async Task the_owner_reads_who_did_what_filters_by_type_and_opens_the_details()
    {
        var email = await console.AddMemberAsync(Role.Analyst, Sam);
        var sam = (await console.Directory.FindUserByEmailAsync(email))!;
        await console.People.ChangeRoleAsync(console.WorkspaceId, sam.Id, Role.Editor, Role.Owner, OwnedConsole.OwnerEmail);
        using (var archive = new MemoryStream(GreeterPlugin.Build().Archive()))
        {
            await console.Host.Services.GetRequiredService<IPluginAdministration>().InstallAsync(archive, OwnedConsole.OwnerEmail);
        }

        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/audit");

        var trail = owner.Main.Locator("#audit");
        await Expect(trail).ToContainTextAsync($"Olive Owner invited {email} as Analyst.");
        await Expect(trail).ToContainTextAsync($"Olive Owner changed {Sam}'s role from Analyst to Editor.");
        await Expect(trail).ToContainTextAsync("Olive Owner installed the plugin Greeter 1.0.0.");
        await Expect(trail.Locator("b")).ToHaveCountAsync(0);
        await Expect(trail.Locator(".audit-summary", new() { HasText = sam.Id.ToString() })).ToHaveCountAsync(0);

        // The raw event is behind a disclosure, without its secrets.
        var invited = trail.Locator("tr[data-type='member_invited']").First;
        await Expect(invited.Locator("pre")).Not.ToBeVisibleAsync();
        await invited.GetByText("Details").ClickAsync();
        await Expect(invited.Locator("pre")).ToBeVisibleAsync();
        await Expect(invited.Locator("pre")).ToContainTextAsync(email);
        await Expect(owner.Main).Not.ToContainTextAsync("Hash");

        await owner.Main.GetByLabel("What").SelectOptionAsync(new SelectOptionValue { Label = "Role changed" });
        await owner.SubmitAsync("Filter");
        await Expect(trail.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(trail.Locator("tbody tr")).ToHaveAttributeAsync("data-type", "member_role_changed");
        await Expect(owner.Main.GetByLabel("What")).ToHaveValueAsync("member_role_changed");
        owner.AssertNothingWentWrong();

        // An admin of the workspace does not operate the server: no plugin events, nor a filter for them.
        var adminEmail = await console.AddMemberAsync(Role.Admin, "Ada Admin");
        await using var admin = await console.OpenTabAsync();
        await admin.SignInAsync(adminEmail, OwnedConsole.Password);
        await admin.OpenAsync("/audit");
        await Expect(admin.Main.Locator("#audit")).ToContainTextAsync($"Olive Owner invited {adminEmail} as Admin.");
        await Expect(admin.Main.Locator("#audit tr[data-type^='plugin_']")).ToHaveCountAsync(0);
        await Expect(admin.Main.GetByLabel("What").Locator("option", new() { HasText = "Plugin installed" })).ToHaveCountAsync(0);
        admin.AssertNothingWentWrong();
    }
}
