using System.Globalization;
using Extensible.Browser.Tests.Support;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Inbox;

public sealed class an_admin_sets_business_hours_and_the_team_reads_the_report(InboxConsole console) : IClassFixture<InboxConsole>
{
    [Fact]
    public async Task hours_are_refused_until_they_make_sense_then_the_thread_and_the_report_count_in_them()
    {
        // Nothing answered yet: Ann, an analyst, finds the report from the Inbox room and is told there is nothing to measure.
        await using var ann = await console.AnalystTabAsync();
        await ann.OpenAsync("/inbox");
        await ann.Main.GetByRole(AriaRole.Link, new() { Name = "Team report" }).ClickAsync();
        await Expect(ann.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/report"));
        await Expect(ann.Main.Locator("[data-report-empty]")).ToContainTextAsync("nothing to measure");

        // Olive sets hours: a backward interval is refused with the reason and her typing kept; then every day all day, a 10-hour target.
        await using var olive = await console.OwnerTabAsync();
        await olive.OpenAsync("/settings");
        var form = olive.Main.Locator("form.business-hours");
        await form.GetByLabel("Always open").UncheckAsync();
        await form.GetByLabel("Monday").FillAsync("17:00-09:00");
        await olive.SubmitAsync("Save business hours");
        await Expect(olive.Main.Locator(".error")).ToContainTextAsync("ends before it starts");
        await Expect(form.GetByLabel("Monday")).ToHaveValueAsync("17:00-09:00");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await form.GetByLabel(day).FillAsync("00:00-24:00");
        }

        await form.GetByLabel("First-response target").FillAsync("600");
        await olive.SubmitAsync("Save business hours");
        await Expect(olive.Main.Locator(".notice")).ToContainTextAsync("Saved.");
        await Expect(form.GetByLabel("Monday")).ToHaveValueAsync("00:00-24:00");
        await Expect(form.GetByLabel("First-response target")).ToHaveValueAsync("600");

        // A comment from two hours ago, answered now by Olive: two hours of business time, within the target.
        var post = "p-" + Guid.NewGuid().ToString("N");
        var comment = InboxConsole.Comment(post, "Is the shop open on Sundays?", "@kim", "Kim");
        comment["createdAt"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture);
        await console.DeliverAsync(comment);
        var board = console.Host.Services.GetRequiredService<InboxBoard>();
        var thread = (await board.FindAsync(console.WorkspaceId, console.ThreadOf(post)))!;
        var owner = (await console.Directory.FindUserByEmailAsync(InboxConsole.OwnerEmail))!;
        var sent = await console.Host.Services.GetRequiredService<InboxActions>().ReplyAsync(console.WorkspaceId, thread.Id, thread.Version, null, "Yes, from ten.", owner.Id);
        Assert.True(sent.Sent, sent.Message);

        await olive.OpenAsync($"/inbox?thread={thread.Id:N}");
        var firstResponse = olive.Page.Locator("#inbox-thread [data-sla=first-response]");
        await Expect(firstResponse).ToContainTextAsync("2 h 0 min of business time");
        await Expect(firstResponse).ToContainTextAsync("met the target");
        await Expect(olive.Page.Locator("#inbox-thread [data-sla=waiting]")).ToContainTextAsync("of business time");

        // Ann reads the report: the team, Olive and the network each have one first reply; the 30-day report too.
        await ann.OpenAsync("/inbox/report");
        var people = ann.Main.Locator("table[data-report=people]");
        await Expect(people).ToContainTextAsync(OwnedConsole.OwnerName);
        await Expect(people.Locator($"tr[data-line='{owner.Id:N}'] td").First).ToHaveTextAsync("1");
        await Expect(ann.Main.Locator("table[data-report=team] td").Nth(1)).ToHaveTextAsync("2 h 0 min");
        await Expect(ann.Main.Locator("table[data-report=team] td").Nth(3)).ToHaveTextAsync("1 of 1");
        await Expect(ann.Main.Locator("table[data-report=networks]")).ToContainTextAsync(thread.PlatformKey);
        await ann.Main.GetByRole(AriaRole.Link, new() { Name = "Last 30 days" }).ClickAsync();
        await Expect(ann.Main.Locator("#report-period")).ToContainTextAsync("Last 30 days");
        await Expect(people).ToContainTextAsync(OwnedConsole.OwnerName);
    }
}
