using Extensible.Browser.Tests.Support;
using Extensible.EventStore;
using Extensible.Plugins;
using Extensible.Plugins.Events;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Plugins;

public sealed class enabling_a_plugin_says_so_once(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task the_owner_sees_it_running_and_no_settings_saved_toast()
    {
        var administration = console.Host.Services.GetRequiredService<IPluginAdministration>();
        using (var archive = new MemoryStream(GreeterPlugin.Build().Archive()))
        {
            await administration.InstallAsync(archive, OwnedConsole.OwnerEmail);
        }

        await administration.DisableAsync(GreeterPlugin.Id, OwnedConsole.OwnerEmail);
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/plugins");
        await ToastLog.StartAsync(owner.Page);
        var row = owner.Main.Locator($"tr[data-plugin='{GreeterPlugin.Id}']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Enable Greeter" }).ClickAsync();
        await Expect(row.Locator(".badge-state")).ToHaveTextAsync("running");

        // Every node follows the store in order, this one too: once it has followed a later change (another node's
        // disable), it has long followed the enable, and any toast that followed from it has arrived.
        var store = console.Host.Services.GetRequiredService<EventStore.EventStore>();
        await store.AppendAsync("plugin:" + GreeterPlugin.Id, ExpectedVersion.Any, [new PluginDisabled(GreeterPlugin.Id)], new EventMetadata { User = "other-node@example.com" });
        await Expect(row.Locator(".badge-state")).ToHaveTextAsync("disabled");
        var toasts = await ToastLog.ReadAsync(owner.Page);
        Assert.Equal(["Plugin Greeter: running.", "Plugin Greeter: disabled."], toasts);
        owner.AssertNothingWentWrong();
    }
}
