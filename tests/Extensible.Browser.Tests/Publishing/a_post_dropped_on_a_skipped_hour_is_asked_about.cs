using Extensible.Browser.Tests.Support;
using Extensible.Publishing;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Publishing;

public sealed class a_post_dropped_on_a_skipped_hour_is_asked_about(PublishingConsole console) : IClassFixture<PublishingConsole>
{
    [Fact]
    public async Task and_moves_only_to_the_time_chosen()
    {
        // Olive sees the calendar in Berlin, where 2027-03-28 02:00–03:00 does not happen (clocks go forward).
        var owner = (await console.Directory.FindUserByEmailAsync(PublishingConsole.OwnerEmail))!;
        var actor = new PublishingActor(console.WorkspaceId, owner.Id, owner.Email);
        await console.Host.Services.GetRequiredService<PublishingSettings>().SetPersonTimeZoneAsync(actor, "Europe/Berlin");
        var posts = console.Host.Services.GetRequiredService<PostService>();
        var postId = await posts.DraftAsync(actor, new PostContentDraft { Text = "Spring opening hours" }, [new PostTarget(console.Accounts[0], null)]);
        await posts.ScheduleAsync(actor, postId, new LocalDueTime(new DateTime(2027, 3, 27, 10, 30, 0), "Europe/Berlin"));

        await using var calendar = await console.OwnerTabAsync();
        await calendar.OpenAsync("/calendar?view=week&date=2027-03-28");
        var chip = calendar.Main.Locator($"#cal-post-{postId:N}");
        await Expect(chip.Locator(".cal-post-time")).ToHaveTextAsync("10:30");

        // The drag as the page receives it (Playwright's mouse drag does not start HTML5 drag and drop in headless Chromium).
        var cell = calendar.Main.Locator(".cal-hour[data-drop-date='2027-03-28'][data-drop-hour='2']");
        var dragged = await calendar.Page.EvaluateHandleAsync("() => new DataTransfer()");
        await chip.DispatchEventAsync("dragstart", new Dictionary<string, object> { ["dataTransfer"] = dragged });
        await cell.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = dragged });
        await cell.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dragged });

        // Asked, not guessed: nothing moved yet, and the answers say what each means.
        var question = calendar.Page.Locator("#cal-details .cal-question");
        await Expect(question).ToContainTextAsync("02:30");
        var board = console.Host.Services.GetRequiredService<PostBoard>();
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 9, 30, 0, TimeSpan.Zero), (await board.GetAsync(console.WorkspaceId, postId))!.DueAt);

        await question.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(calendar.Page.Locator("#cal-details .cal-question")).ToHaveCountAsync(0);
        var moved = (await board.GetAsync(console.WorkspaceId, postId))!.DueAt!.Value;
        Assert.Equal(new DateOnly(2027, 3, 28), DateOnly.FromDateTime(moved.UtcDateTime));
        Assert.False(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").IsInvalidTime(TimeZoneInfo.ConvertTime(moved, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime));
        await Expect(calendar.Main.Locator(".cal-hour[data-drop-date='2027-03-28']").Locator($"#cal-post-{postId:N}")).ToHaveCountAsync(1);
        calendar.AssertNothingWentWrong();
    }
}
