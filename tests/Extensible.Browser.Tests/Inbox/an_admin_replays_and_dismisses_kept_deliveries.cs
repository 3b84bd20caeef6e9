using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class an_admin_replays_and_dismisses_kept_deliveries(InboxConsole console) : IClassFixture<InboxConsole>
{
    [Fact]
    public async Task a_delivery_that_could_not_be_read_is_shown_as_text_replayed_in_vain_and_dismissed_from_the_inbox_room()
    {
        const string hostile = """{"items":[<script>alert(1)</script><img src=x onerror=alert(2)>""";
        using (var answer = await console.DeliverBodyAsync(console.Host.Address, Encoding.UTF8.GetBytes(hostile)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/inbox");
        await olive.Main.GetByRole(AriaRole.Link, new() { Name = "1 kept delivery" }).ClickAsync();
        await Expect(olive.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/deliveries$"));
        var rows = olive.Page.Locator("#delivery-rows tr.delivery");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("The delivery's body is not a sandbox payload.");
        await Expect(rows).ToContainTextAsync(console.Account.Handle);

        // The body is a stranger's: text, never markup.
        await rows.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(olive.Page.Locator("#delivery-body pre")).ToHaveTextAsync(hostile);
        Assert.Equal(0, await olive.Main.Locator("script, img").CountAsync());

        // The sandbox still cannot read it: it stays, with how many replays were tried.
        await rows.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(olive.Page.Locator("#toasts")).ToContainTextAsync("It still could not be read");
        await Expect(rows).ToContainTextAsync("after 1 replay");

        await rows.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(olive.Page.Locator("#toasts")).ToContainTextAsync("Dismissed.");
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(olive.Page.Locator("#delivery-count")).ToHaveTextAsync("0");
        Assert.Empty(olive.Problems);

        // An analyst is not shown the way there, nor let in.
        await using var ann = await console.AnalystTabAsync();
        await ann.OpenAsync("/inbox");
        await Expect(ann.Main.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("kept deliver") })).ToHaveCountAsync(0);
        var refused = await ann.Page.APIRequest.GetAsync("/inbox/deliveries", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
    }

    [Fact]
    public async Task an_open_page_of_kept_deliveries_follows_deliveries_kept_and_dismissed_elsewhere_without_a_reload()
    {
        await using var watching = await console.OwnerTabAsync();
        await watching.OpenAsync("/inbox/deliveries");
        await Expect(watching.LiveState).ToHaveAttributeAsync("data-state", "live");
        await watching.Page.Locator("html").EvaluateAsync("html => { html.dataset.testNotReloaded = ''; }");
        var rows = watching.Page.Locator("#delivery-rows tr.delivery");
        var before = await rows.CountAsync();

        // The network sends something the connector cannot read: the open page shows it kept, and counts it.
        using (var answer = await console.DeliverBodyAsync(console.Host.Address, Encoding.UTF8.GetBytes("{\"items\": \"not a list\"}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        await Expect(rows).ToHaveCountAsync(before + 1);
        await Expect(watching.Page.Locator("#delivery-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Another operator dismisses everything kept, in another tab: the watching page empties by itself.
        await using var other = await console.OwnerTabAsync();
        await other.OpenAsync("/inbox/deliveries");
        var theirs = other.Page.Locator("#delivery-rows tr.delivery");
        while (await theirs.CountAsync() > 0)
        {
            var count = await theirs.CountAsync();
            await theirs.First.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
            await Expect(theirs).ToHaveCountAsync(count - 1);
        }

        await Expect(rows).ToHaveCountAsync(0);
        await Expect(watching.Page.Locator("#delivery-count")).ToHaveTextAsync("0");
        await Expect(watching.Page.Locator("html[data-test-not-reloaded]")).ToHaveCountAsync(1);
        watching.AssertNothingWentWrong();
    }
}
