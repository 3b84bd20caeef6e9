using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Publishing;

public sealed partial class a_post_for_three_accounts_goes_out_live_in_the_calendar(PublishingConsole console) : IClassFixture<PublishingConsole>
{
    [Fact]
    public async Task composed_with_a_variant_per_account_each_target_turns_published_without_a_reload()
    {
        await using var calendar = await console.OwnerTabAsync();
        await calendar.OpenAsync("/calendar?view=week");
        await MarkAsync(calendar);
        await using var composer = await console.OwnerTabAsync();
        await composer.OpenAsync("/compose");

        // One text, three accounts, a variant each; the live panel counts each as the sandbox does, and the draft saves itself.
        await composer.Main.GetByLabel("Text", new() { Exact = true }).FillAsync("Launch day: the new store opens at nine.");
        foreach (var handle in Handles)
        {
            await composer.Main.GetByRole(AriaRole.Checkbox, new() { Name = handle }).CheckAsync();
        }

        for (var i = 0; i < Handles.Length; i++)
        {
            await composer.Main.GetByLabel($"Text for {Handles[i]} (blank: the post's text)").FillAsync($"Launch day for brand {i + 1}: doors open at nine.");
        }

        var checks = composer.Main.Locator("#compose-checks");
        await Expect(checks.Locator(".compose-target")).ToHaveCountAsync(3);
        await Expect(checks.Locator(".compose-target").Nth(1).Locator(".compose-preview-text")).ToHaveTextAsync("Launch day for brand 2: doors open at nine.");
        await Expect(checks.Locator(".compose-counter[data-field='text']").First).ToContainTextAsync("43 /");
        await Expect(composer.Main.Locator("#compose-saved")).ToHaveTextAsync(SavedAt());
        await Expect(composer.Page).ToHaveURLAsync(new Regex("/compose\\?post=[0-9a-f]{32}$"));
        var postId = Regex.Match(composer.Page.Url, "post=([0-9a-f]{32})").Groups[1].Value;

        await composer.SubmitAsync("Publish now");
        await Expect(composer.Page).ToHaveURLAsync(new Regex("/calendar\\?view=week&date="));

        // The calendar opened before the post existed shows it arrive and every target turn published, without a reload.
        var chip = calendar.Main.Locator($"#cal-post-{postId}");
        await Expect(chip.Locator(".chip[data-chip='published']")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(chip.Locator(".cal-post-summary")).ToHaveTextAsync("3 of 3 published");
        await chip.GetByRole(AriaRole.Button).ClickAsync();
        var details = calendar.Page.Locator("#cal-details");
        await Expect(details.Locator(".cal-target a[rel='noopener noreferrer']")).ToHaveCountAsync(3);
        await Expect(details).ToContainTextAsync("Launch day for brand 3");
        await AssertNotReloadedAsync(calendar);

        calendar.AssertNothingWentWrong();
        composer.AssertNothingWentWrong();
    }

    [Fact]
    public async Task a_target_the_network_refuses_shows_the_post_as_partial_with_the_networks_message_and_is_retried()
    {
        await using var calendar = await console.OwnerTabAsync();
        await calendar.OpenAsync("/calendar?view=week");
        await MarkAsync(calendar);
        await using var composer = await console.OwnerTabAsync();
        await composer.OpenAsync("/compose");

        await composer.Main.GetByLabel("Text", new() { Exact = true }).FillAsync("Opening hours change next week.");
        foreach (var handle in Handles)
        {
            await composer.Main.GetByRole(AriaRole.Checkbox, new() { Name = handle }).CheckAsync();
        }

        await composer.Main.GetByLabel($"Text for {Handles[1]} (blank: the post's text)").FillAsync("Opening hours change [sandbox:reject]");
        await Expect(composer.Main.Locator("#compose-saved")).ToHaveTextAsync(SavedAt());
        var postId = Regex.Match(composer.Page.Url, "post=([0-9a-f]{32})").Groups[1].Value;
        await composer.SubmitAsync("Publish now");

        var chip = calendar.Main.Locator($"#cal-post-{postId}");
        await Expect(chip.Locator(".cal-post-summary")).ToHaveTextAsync("2 of 3 published, 1 failed", new() { Timeout = 30_000 });
        await Expect(chip.Locator($".chip[data-chip='failed']")).ToContainTextAsync(Handles[1]);

        await chip.GetByRole(AriaRole.Button).ClickAsync();
        var details = calendar.Page.Locator("#cal-details");
        var refused = details.Locator($".cal-target[data-account='{console.Accounts[1]}']");
        await Expect(refused.Locator(".cal-target-network")).ToContainTextAsync("Sandbox refused the post on purpose ([sandbox:reject]).");

        // Retry sends it again: the history says so, and the network refuses it again (the text still asks it to).
        await refused.GetByRole(AriaRole.Button, new() { Name = $"Retry {Handles[1]}" }).ClickAsync();
        await Expect(details.Locator(".cal-history")).ToContainTextAsync("Sent again");
        await Expect(details.Locator(".cal-history li").Filter(new() { HasTextRegex = new Regex("Failed|failed") })).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(chip.Locator(".cal-post-summary")).ToHaveTextAsync("2 of 3 published, 1 failed");
        await AssertNotReloadedAsync(calendar);

        calendar.AssertNothingWentWrong();
        composer.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_account_can_have_media_of_its_own_or_none_instead_of_the_posts()
    {
        var owner = (await console.Directory.FindUserByEmailAsync(PublishingConsole.OwnerEmail))!;
        var library = console.Host.Services.GetRequiredService<MediaLibrary>();
        var shared = (await library.UploadAsync(console.WorkspaceId, "shared-photo.png", new MemoryStream(Convert.FromBase64String(RedPixel)), owner.Id, owner.Email)).Item;
        var own = (await library.UploadAsync(console.WorkspaceId, "brand-two-photo.png", new MemoryStream(Convert.FromBase64String(BluePixel)), owner.Id, owner.Email)).Item;
        await using var composer = await console.OwnerTabAsync();
        await composer.OpenAsync("/compose");

        await composer.Main.GetByLabel("Text", new() { Exact = true }).FillAsync("Our new shop front, in pictures.");
        await composer.Main.Locator($"#media-picker input[value='{shared.Id}']").CheckAsync();
        foreach (var account in console.Accounts)
        {
            await composer.Main.Locator($"input[data-account-choice][value='{account}']").CheckAsync();
        }

        // Brand 2 gets its own photo; brand 3 goes out as text only.
        await composer.Main.GetByLabel($"Other media for {Handles[1]} than the post's").CheckAsync();
        await composer.Main.GetByLabel($"brand-two-photo.png for {Handles[1]}").CheckAsync();
        await composer.Main.GetByLabel($"Other media for {Handles[2]} than the post's").CheckAsync();
        await Expect(composer.Main.Locator("#compose-saved")).ToHaveTextAsync(SavedAt());
        await Expect(composer.Page).ToHaveURLAsync(new Regex("/compose\\?post=[0-9a-f]{32}$"));
        var postId = Guid.Parse(Regex.Match(composer.Page.Url, "post=([0-9a-f]{32})").Groups[1].Value);
        await composer.SubmitAsync("Publish now");

        // The sandbox takes an image post only with one image and a text post only with none: all three going out says
        // each account got the media it was given.
        var board = console.Host.Services.GetRequiredService<PostBoard>();
        await Eventually.HoldsAsync(async () => (await board.GetAsync(console.WorkspaceId, postId))!.Targets.All(t => t.Status == "published"), "all three are published", TimeSpan.FromSeconds(30));
        var targets = (await board.GetAsync(console.WorkspaceId, postId))!.Targets.ToDictionary(t => t.AccountId);
        Assert.Null(targets[console.Accounts[0]].Variant?.MediaIds);
        Assert.Equal([own.Id], targets[console.Accounts[1]].Variant!.MediaIds!);
        Assert.Empty(targets[console.Accounts[2]].Variant!.MediaIds!);
        composer.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_image_uploaded_while_composing_can_be_given_to_one_account_at_once()
    {
        await using var composer = await console.OwnerTabAsync();
        await composer.OpenAsync("/compose");

        // Every check the form sends waits until the upload has left the browser, so a check is on its way when the file
        // is chosen: the upload must neither wait behind it nor be dropped for the check the same change starts.
        var uploadSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await composer.Page.RouteAsync("**/media?handler=PickerUpload*", async route =>
        {
            uploadSent.TrySetResult();
            await route.ContinueAsync();
        });
        await composer.Page.RouteAsync("**/compose?handler=Check*", async route =>
        {
            await Task.WhenAny(uploadSent.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            await route.ContinueAsync();
        });

        await composer.Main.GetByLabel("Text", new() { Exact = true }).FillAsync("A picture for brand 2 only.");
        foreach (var account in console.Accounts.Take(2))
        {
            await composer.Main.Locator($"input[data-account-choice][value='{account}']").CheckAsync();
        }

        // A file name is the uploader's text: it must show as text in every list it joins.
        const string FileName = "<img src=x onerror=alert(1)>.png";
        await composer.Main.Locator("#media-picker input[type='file']").SetInputFilesAsync(
            new FilePayload { Name = FileName, MimeType = "image/png", Buffer = Convert.FromBase64String(GreenPixel) });
        var choice = composer.Main.GetByLabel($"{FileName} for {Handles[1]}");
        await Expect(choice).ToHaveCountAsync(1);
        await Expect(composer.Main.GetByLabel($"{FileName} for {Handles[0]}")).Not.ToBeCheckedAsync();
        await Expect(composer.Main.Locator("ul[data-variant-media] img")).ToHaveCountAsync(0);

        // Not on the post itself: only brand 2's variant gets it.
        await composer.Main.Locator("#media-picker input[name='mediaIds']:checked").UncheckAsync();
        await composer.Main.GetByLabel($"Other media for {Handles[1]} than the post's").CheckAsync();
        await choice.CheckAsync();
        await Expect(composer.Main.Locator("#compose-saved")).ToHaveTextAsync(SavedAt());
        await Expect(composer.Page).ToHaveURLAsync(new Regex("/compose\\?post=[0-9a-f]{32}$"));
        var postId = Guid.Parse(Regex.Match(composer.Page.Url, "post=([0-9a-f]{32})").Groups[1].Value);
        await composer.SubmitAsync("Publish now");

        var board = console.Host.Services.GetRequiredService<PostBoard>();
        await Eventually.HoldsAsync(async () => (await board.GetAsync(console.WorkspaceId, postId))!.Targets.All(t => t.Status == "published"), "both are published", TimeSpan.FromSeconds(30));
        var post = (await board.GetAsync(console.WorkspaceId, postId))!;
        var uploaded = (await console.Host.Services.GetRequiredService<MediaLibrary>().ListAsync(console.WorkspaceId)).Single(m => m.FileName == FileName);
        Assert.Empty(post.Content.MediaIds ?? []);
        Assert.Equal([uploaded.Id], post.Targets.Single(t => t.AccountId == console.Accounts[1]).Variant!.MediaIds!);
        composer.AssertNothingWentWrong();
    }

    // 1×1 PNGs, one red, one blue (two different files in the library).
    private const string RedPixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4IScHAAK2AQU0pnWqAAAAAElFTkSuQmCC";
    private const string BluePixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQkzsBAAFiAQURG6MhAAAAAElFTkSuQmCC";
    private const string GreenPixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNg+M8AAAICAQB7CYF4AAAAAElFTkSuQmCC";

    private static readonly string[] Handles = ["@sandbox-brand-1", "@sandbox-brand-2", "@sandbox-brand-3"];

    private static Regex SavedAt() => SavedPattern();

    // The calendar must change in place: a reload would drop this mark.
    private static async Task MarkAsync(ConsoleTab tab) => await tab.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");

    private static Task AssertNotReloadedAsync(ConsoleTab tab) => Expect(tab.Page.Locator("html[data-test-not-reloaded]")).ToHaveCountAsync(1);

    [GeneratedRegex(@"^\s*Saved \d\d:\d\d\s*$")]
    private static partial Regex SavedPattern();
}
