using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class moderators_filter_by_sentiment_and_correct_it_live(InboxConsole console) : IClassFixture<InboxConsole>
{
    [Fact]
    public async Task the_sentiment_filter_narrows_the_list_and_a_correction_shows_in_the_other_moderators_console()
    {
        var (angry, plain) = ("p-" + Guid.NewGuid().ToString("N"), "p-" + Guid.NewGuid().ToString("N"));
        var complaint = InboxConsole.Comment(angry, "Charged twice and nobody answers", "@kim", "Kim");
        complaint["sentiment"] = "negative";
        await console.DeliverAsync(complaint, InboxConsole.Comment(plain, "Do you open on Sundays?", "@lou", "Lou"));
        var (angryRow, plainRow) = ($"#inbox-row-{console.ThreadOf(angry):N}", $"#inbox-row-{console.ThreadOf(plain):N}");
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");
        var filter = olive.Page.Locator("#inbox-filters").GetByLabel("Sentiment");

        // The badge says it in words (colour only repeats it); the filter narrows in place and the address keeps it.
        await Expect(olive.Main.Locator(angryRow).Locator("[data-sentiment='negative']")).ToHaveTextAsync(new Regex(@"Sentiment:\s*Negative"));
        await Expect(olive.Main.Locator(plainRow).Locator("[data-sentiment]")).ToHaveCountAsync(0);
        await filter.SelectOptionAsync("negative");
        await Expect(olive.Page).ToHaveURLAsync(new Regex("sentiment=negative"));
        await Expect(olive.Main.Locator("#inbox-rows > li")).ToHaveCountAsync(1);
        await Expect(olive.Main.Locator(angryRow)).ToBeVisibleAsync();
        await filter.SelectOptionAsync("unknown");
        await Expect(olive.Page).ToHaveURLAsync(new Regex("sentiment=unknown"));
        await Expect(olive.Main.Locator(plainRow)).ToBeVisibleAsync();
        await Expect(olive.Main.Locator(angryRow)).ToHaveCountAsync(0);

        // Sam has the thread open; Olive corrects its comment's sentiment, and his panel and list say so without a reload.
        await using var sam = await console.ModeratorTabAsync();
        await sam.OpenAsync($"/inbox?thread={console.ThreadOf(angry):N}");
        var samItem = sam.Page.Locator("#inbox-thread .inbox-item").First;
        await Expect(samItem.Locator("[data-sentiment]")).ToHaveAttributeAsync("data-sentiment", "negative");
        await olive.OpenAsync($"/inbox?thread={console.ThreadOf(angry):N}");
        var oliveItem = olive.Page.Locator("#inbox-thread .inbox-item").First;
        await oliveItem.GetByLabel("Sentiment").SelectOptionAsync("positive");

        await Expect(olive.Page.Locator("#toasts")).ToContainTextAsync("Sentiment set to positive.");
        await Expect(samItem.Locator("[data-sentiment]")).ToHaveAttributeAsync("data-sentiment", "positive");
        await Expect(sam.Page.Locator("#inbox-thread .inbox-state [data-sentiment]")).ToContainTextAsync("Positive");
        await Expect(sam.Main.Locator(angryRow).Locator("[data-sentiment]")).ToContainTextAsync("Positive");
        await Expect(samItem.GetByLabel("Sentiment")).ToHaveValueAsync("positive");

        // Filtered by the corrected sentiment, the thread is there; by the network's, it is gone.
        await olive.OpenAsync("/inbox?sentiment=positive");
        await Expect(olive.Main.Locator(angryRow)).ToBeVisibleAsync();
        await olive.OpenAsync("/inbox?sentiment=negative");
        await Expect(olive.Main.Locator(angryRow)).ToHaveCountAsync(0);

        // A sentiment set by mistake is cleared: the thread has none again, in Sam's console too.
        await olive.OpenAsync($"/inbox?thread={console.ThreadOf(angry):N}");
        await olive.Page.Locator("#inbox-thread .inbox-item").First.GetByLabel("Sentiment").SelectOptionAsync("unknown");
        await Expect(olive.Page.Locator("#toasts")).ToContainTextAsync("Sentiment cleared.");
        await Expect(samItem.Locator("[data-sentiment]")).ToHaveCountAsync(0);
        await Expect(samItem.GetByLabel("Sentiment")).ToHaveValueAsync("unknown");
        await Expect(sam.Main.Locator(angryRow).Locator("[data-sentiment]")).ToHaveCountAsync(0);
        olive.AssertNothingWentWrong();
        sam.AssertNothingWentWrong();
    }

    [Fact]
    public async Task an_analyst_sees_the_sentiment_but_has_nothing_to_correct_it_with()
    {
        var post = "p-" + Guid.NewGuid().ToString("N");
        var praise = InboxConsole.Comment(post, "Lovely shop", "@max", "Max");
        praise["sentiment"] = "positive";
        await console.DeliverAsync(praise);
        await using var ann = await console.AnalystTabAsync();

        await ann.OpenAsync($"/inbox?thread={console.ThreadOf(post):N}");

        var item = ann.Page.Locator("#inbox-thread .inbox-item").First;
        await Expect(item.Locator("[data-sentiment='positive']")).ToContainTextAsync("Positive");
        await Expect(item.GetByLabel("Sentiment")).ToHaveCountAsync(0);
        ann.AssertNothingWentWrong();
    }
}
