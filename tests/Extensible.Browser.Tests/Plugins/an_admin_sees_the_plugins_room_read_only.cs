using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.Plugins.Catalog;
using Extensible.Testing.Plugins;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Plugins;

public sealed class an_admin_sees_the_plugins_room_read_only(OwnedConsole console) : IClassFixture<OwnedConsole>, IDisposable
{
    private readonly DirectoryInfo _archives = Directory.CreateTempSubdirectory("extensible-archives-");

    [Fact]
    public async Task an_admin_has_no_buttons_and_the_handlers_refuse_what_a_script_posts()
    {
        await using (var owner = await console.OwnerTabAsync())
        {
            await owner.OpenAsync("/plugins");
            await owner.Main.GetByLabel("Plugin archive").SetInputFilesAsync(await GreeterPlugin.Build().WriteArchiveAsync(_archives.FullName));
            await owner.SubmitAsync("Install");
            await Expect(owner.Main.Locator($"tr[data-plugin='{GreeterPlugin.Id}'] .badge-state")).ToHaveTextAsync("running");
        }

        var email = await console.AddMemberAsync(Role.Admin, "Ada Admin");
        await using var admin = await console.OpenTabAsync();
        await admin.SignInAsync(email, OwnedConsole.Password);
        await admin.OpenAsync("/plugins");

        var row = admin.Main.Locator($"tr[data-plugin='{GreeterPlugin.Id}']");
        await Expect(row.Locator(".badge-state")).ToHaveTextAsync("running");
        await Expect(admin.Main).ToContainTextAsync("only a server operator");
        await Expect(admin.Main.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(admin.Main.GetByLabel("Plugin archive")).ToHaveCountAsync(0);

        // Settings configure code that runs with the server's rights: not even shown to a workspace admin.
        await admin.OpenAsync($"/plugins/{GreeterPlugin.Id}/settings");
        await Expect(admin.Page).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(admin.Main.GetByRole(AriaRole.Textbox, new() { Name = "Greeting", Exact = true })).ToHaveCountAsync(0);

        // What a script posts with the admin's own session and antiforgery token is refused all the same.
        var statuses = await admin.Page.EvaluateAsync<int[]>("""
            async id => {
              const token = document.querySelector('meta[name="request-verification-token"]').content;
              const post = (url, body) => fetch(url, { method: 'POST', redirect: 'manual', body,
                headers: { 'RequestVerificationToken': token } }).then(r => r.type === 'opaqueredirect' ? 302 : r.status);
              const settings = new FormData();
              settings.append('Greeting', 'Hijacked');
              return [
                await post('/plugins?handler=Disable&id=' + encodeURIComponent(id)),
                await post('/plugins?handler=Uninstall&id=' + encodeURIComponent(id)),
                await post('/plugins/' + encodeURIComponent(id) + '/settings', settings),
              ];
            }
            """, GreeterPlugin.Id);
        // Each refused: the handlers declare the server operator's policy, which the console enforces per handler.
        Assert.Equal([302, 302, 302], statuses);
        var plugin = console.Plugins.Find(GreeterPlugin.Id)!;
        Assert.Equal(PluginState.Running, plugin.State);
        Assert.Equal("Hello", console.Plugins.DescribeSettings(GreeterPlugin.Id)!.Fields.Single(f => f.Name == "Greeting").Value);
        Assert.DoesNotContain(admin.Problems, problem => !Regex.IsMatch(problem, "status of 403"));
    }

    public void Dispose() => _archives.Delete(recursive: true);
}
