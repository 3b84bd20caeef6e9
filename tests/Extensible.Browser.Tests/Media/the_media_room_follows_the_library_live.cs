using Extensible.Browser.Tests.Support;
using Extensible.People;
using Extensible.Publishing.Media;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Media;

/// <summary>
/// Every open Media room follows the library as others change it, without a reload: each viewer sees the items with their
/// own rights (an analyst gets no forms), and an alt text being typed survives the updates.
/// </summary>
public sealed class the_media_room_follows_the_library_live(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task uploads_alt_texts_and_removals_by_others_appear_and_a_half_typed_alt_text_survives()
    {
        var library = console.Host.Services.GetRequiredService<MediaLibrary>();
        var owner = (await console.Directory.FindUserByEmailAsync(OwnedConsole.OwnerEmail))!;
        var first = await UploadAsync(library, owner.Id, "harbour.png", shade: 40);

        await using var composer = await console.OwnerTabAsync();
        await composer.OpenAsync("/media");
        var analystEmail = await console.AddMemberAsync(Role.Analyst, "Ann Analyst");
        await using var analyst = await console.OpenTabAsync();
        await analyst.SignInAsync(analystEmail, OwnedConsole.Password);
        await analyst.OpenAsync("/media");
        foreach (var tab in new[] { composer, analyst })
        {
            await Expect(tab.LiveState).ToHaveAttributeAsync("data-state", "live");
            await tab.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");
        }

        // Olive starts describing the harbour and leaves the box mid-sentence, with the caret in it.
        var harbourAlt = composer.Main.Locator($"#alt-{first:N}");
        await harbourAlt.FillAsync("Boats in the harbour at dus");

        // Someone else uploads: both rooms show the new item; the composer's half-typed text and its focus stay.
        var second = await UploadAsync(library, owner.Id, "lighthouse.png", shade: 200);
        foreach (var tab in new[] { composer, analyst })
        {
            await Expect(tab.Main.Locator($".media-item[data-media-id='{second}']")).ToBeVisibleAsync();
            await Expect(tab.Main.Locator(".media-item")).ToHaveCountAsync(2);
        }

        await Expect(harbourAlt).ToHaveValueAsync("Boats in the harbour at dus");
        await Expect(harbourAlt).ToBeFocusedAsync();
        await Expect(composer.Main.Locator($"#alt-{second:N}")).ToBeVisibleAsync();
        await Expect(analyst.Main.Locator(".media-alt")).ToHaveCountAsync(0);
        await Expect(analyst.Main.Locator(".media-upload")).ToHaveCountAsync(0);

        // An alt text set elsewhere reaches the analyst as text; a removal takes the item away everywhere.
        await library.SetAltTextAsync(console.WorkspaceId, second, "A white lighthouse on a rock", owner.Id, OwnedConsole.OwnerEmail);
        await Expect(analyst.Main.Locator($".media-item[data-media-id='{second}'] .media-alt-text")).ToHaveTextAsync("A white lighthouse on a rock");
        await Expect(composer.Main.Locator($"#alt-{second:N}")).ToHaveValueAsync("A white lighthouse on a rock");
        await Expect(harbourAlt).ToHaveValueAsync("Boats in the harbour at dus");

        Assert.True(await library.DeleteAsync(console.WorkspaceId, second, owner.Id, OwnedConsole.OwnerEmail));
        foreach (var tab in new[] { composer, analyst })
        {
            await Expect(tab.Main.Locator($".media-item[data-media-id='{second}']")).ToHaveCountAsync(0);
            await Expect(tab.Page.Locator("html[data-test-not-reloaded]")).ToHaveCountAsync(1);
        }

        // Finishing and saving the sentence still works, and it is what the library keeps.
        await harbourAlt.PressSequentiallyAsync("k");
        await composer.Main.Locator($".media-item[data-media-id='{first}']").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save alt text" }).ClickAsync();
        await Expect(composer.Main.Locator(".media-notices")).ToContainTextAsync("Alt text of harbour.png saved.");
        Assert.Equal("Boats in the harbour at dusk", (await library.GetAsync(console.WorkspaceId, first))!.AltText);

        composer.AssertNothingWentWrong();
        analyst.AssertNothingWentWrong();
    }

    private async Task<Guid> UploadAsync(MediaLibrary library, Guid ownerId, string name, byte shade)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 48, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(shade, (byte)(255 - shade), 90));
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        await using var content = new MemoryStream(png.ToArray());
        var upload = await library.UploadAsync(console.WorkspaceId, name, content, ownerId, OwnedConsole.OwnerEmail);
        return upload.Item.Id;
    }
}
