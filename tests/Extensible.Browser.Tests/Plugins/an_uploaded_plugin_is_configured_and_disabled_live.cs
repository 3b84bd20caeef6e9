using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.Plugins.Catalog;
using Extensible.Testing.Plugins;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Plugins;

public sealed class an_uploaded_plugin_is_configured_and_disabled_live(OwnedConsole console) : IClassFixture<OwnedConsole>, IDisposable
{
    private readonly DirectoryInfo _archives = Directory.CreateTempSubdirectory("extensible-archives-");

    [Fact]
    public async Task the_owner_uploads_configures_and_disables_it_while_an_admin_watches()
    {
        var archive = await GreeterPlugin.Build().WriteArchiveAsync(_archives.FullName);
        var adminEmail = await console.AddMemberAsync(Role.Admin, "Ada Admin");
        await using var admin = await console.OpenTabAsync();
        await admin.SignInAsync(adminEmail, OwnedConsole.Password);
        await admin.OpenAsync("/plugins");
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/plugins");

        // Upload.
        await owner.Main.GetByLabel("Plugin archive").SetInputFilesAsync(archive);
        await owner.SubmitAsync("Install");
        await Expect(owner.Main.GetByRole(AriaRole.Status)).ToContainTextAsync("Installed Greeter 1.0.0");
        var row = owner.Main.Locator($"tr[data-plugin='{GreeterPlugin.Id}']");
        await Expect(row.Locator(".badge-state")).ToHaveTextAsync("running");
        await Expect(row).ToContainTextAsync("Grace Greeter");
        await Expect(row).ToContainTextAsync("installed");
        await Expect(row.Locator(".plugin-capabilities")).ToContainTextAsync("Greeting check");
        await Expect(row.Locator(".badge-sandbox")).ToHaveCountAsync(0);

        // The admin's room showed the new plugin as it arrived, without the buttons that change it.
        var watched = admin.Main.Locator($"tr[data-plugin='{GreeterPlugin.Id}']");
        await Expect(watched.Locator(".badge-state")).ToHaveTextAsync("running");
        await Expect(watched.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // Settings: an invalid value is refused with its message and nothing is saved.
        await row.GetByRole(AriaRole.Link, new() { Name = "Settings of Greeter" }).ClickAsync();
        await Expect(owner.Page).ToHaveURLAsync(new Regex($"/plugins/{Regex.Escape(GreeterPlugin.Id)}/settings$"));
        await Expect(owner.Main.GetByRole(AriaRole.Textbox, new() { Name = "Greeting", Exact = true })).ToHaveValueAsync("Hello");
        await Expect(owner.Main.Locator(".badge-secret")).ToHaveTextAsync("not set");
        var form = owner.Main.Locator("form.settings-form");
        await owner.Main.GetByRole(AriaRole.Textbox, new() { Name = "Greeting", Exact = true }).FillAsync("Welcome");
        await owner.Main.GetByLabel("Repeat times").FillAsync("99");
        await ConsoleTab.SkipBrowserChecksAsync(form);
        var events = await console.EventCountAsync();
        await owner.SubmitAsync("Save settings");
        await Expect(owner.Main.Locator("#setting-RepeatTimes-hint .setting-error")).ToContainTextAsync(new Regex("1 and 10"));
        await Expect(owner.Main.GetByLabel("Repeat times")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(owner.Main.GetByRole(AriaRole.Textbox, new() { Name = "Greeting", Exact = true })).ToHaveValueAsync("Welcome");
        Assert.Equal(events, await console.EventCountAsync());
        Assert.Equal("Hello", Stored("Greeting"));
        Assert.Equal("1", Stored("RepeatTimes"));

        // A valid save: the values are shown back, the secret only as "set".
        await owner.Main.GetByLabel("Repeat times").FillAsync("3");
        await owner.Main.GetByLabel("Shout").CheckAsync();
        await owner.Main.GetByLabel("Tone").SelectOptionAsync("Formal");
        await owner.Main.GetByLabel("API key").FillAsync("s3cret-key");
        await owner.SubmitAsync("Save settings");
        await Expect(owner.Main.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(owner.Main.GetByRole(AriaRole.Textbox, new() { Name = "Greeting", Exact = true })).ToHaveValueAsync("Welcome");
        await Expect(owner.Main.GetByLabel("Repeat times")).ToHaveValueAsync("3");
        await Expect(owner.Main.GetByLabel("Shout")).ToBeCheckedAsync();
        await Expect(owner.Main.GetByLabel("Tone")).ToHaveValueAsync("Formal");
        await Expect(owner.Main.Locator(".badge-secret")).ToHaveTextAsync("set");
        await Expect(owner.Main.GetByLabel("API key")).ToHaveValueAsync("");
        await Expect(owner.Main).Not.ToContainTextAsync("s3cret-key");
        Assert.Equal("Welcome", Stored("Greeting"));
        Assert.Equal("3", Stored("RepeatTimes"));

        // Disable: the owner's row changes, and the admin's, live.
        await owner.OpenAsync("/plugins");
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable Greeter" }).ClickAsync();
        await Expect(row.Locator(".badge-state")).ToHaveTextAsync("disabled");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable Greeter" })).ToBeVisibleAsync();
        await Expect(watched.Locator(".badge-state")).ToHaveTextAsync("disabled");
        await Expect(admin.Page.Locator("#toasts .toast").Last).ToContainTextAsync("Greeter");
        Assert.Equal(PluginState.Disabled, console.Plugins.Find(GreeterPlugin.Id)!.State);
        Assert.Null(console.Plugins.Find(GreeterPlugin.Id)!.UnloadProblem);

        owner.AssertNothingWentWrong();
        admin.AssertNothingWentWrong();
    }

    public void Dispose() => _archives.Delete(recursive: true);

    private string? Stored(string field) =>
        console.Plugins.DescribeSettings(GreeterPlugin.Id)!.Fields.Single(f => f.Name == field).Value;
}
