using System.IO.Compression;
using System.Text;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Plugins;

public sealed class a_bad_plugin_archive_installs_nothing(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task a_file_that_is_not_a_zip_is_refused_by_the_console()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/plugins");
        var events = await console.EventCountAsync();
        var plugins = console.Plugins.List();

        await owner.Main.GetByLabel("Plugin archive").SetInputFilesAsync(new FilePayload
        {
            Name = "greeter.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("not a plugin"),
        });
        await owner.SubmitAsync("Install");

        await Expect(owner.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync(".zip archive");
        Assert.Equal(events, await console.EventCountAsync());
        Assert.Equal(plugins, console.Plugins.List());
        owner.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_archive_without_a_manifest_is_refused_with_the_runtimes_reason()
    {
        await using var owner = await console.OwnerTabAsync();
        await owner.OpenAsync("/plugins");
        var events = await console.EventCountAsync();
        var plugins = console.Plugins.List();

        await owner.Main.GetByLabel("Plugin archive").SetInputFilesAsync(new FilePayload
        {
            Name = "greeter.zip", MimeType = "application/zip", Buffer = ZipWithout("plugin.json"),
        });
        await owner.SubmitAsync("Install");

        await Expect(owner.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("plugin.json");
        await Expect(owner.Main.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.Equal(events, await console.EventCountAsync());
        Assert.Equal(plugins, console.Plugins.List());
        owner.AssertNothingWentWrong();
    }

    private static byte[] ZipWithout(string manifest)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("readme.txt").Open();
            entry.Write(Encoding.UTF8.GetBytes($"A plugin folder needs {manifest}; this one has none."));
        }

        return zip.ToArray();
    }
}
