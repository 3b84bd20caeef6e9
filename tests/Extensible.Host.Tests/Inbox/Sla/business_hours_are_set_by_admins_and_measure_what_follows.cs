using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Sla;
using Extensible.Inbox.Threads;
using Extensible.People;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox.Sla;

/// <summary>
/// Business hours are set through the API, checked field by field, and only by Admins and Owners; what is answered, resolved
/// or still waiting afterwards is counted in them, against their targets.
/// </summary>
public sealed class business_hours_are_set_by_admins_and_measure_what_follows(SlaHost host) : IClassFixture<SlaHost>
{
    [Fact]
    public async Task business_hours_set_through_the_api_measure_what_happens_next_against_their_targets()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (_, admin) = await host.MemberAsync(Role.Admin);
        var (accountId, network) = await host.SandboxAccountAsync();

        // Open every day, but closed yesterday, today and tomorrow (UTC: the workspace chose no zone): a reply now took no business time.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var week = string.Join(",", BusinessHoursInput.Week.Select(d => $$"""{"day":"{{BusinessHoursInput.Name(d)}}","opens":"00:00","closes":"24:00"}"""));
        var closed = string.Join(",", new[] { -1, 0, 1 }.Select(d => $"\"{today.AddDays(d):yyyy-MM-dd}\""));
        var set = await (await admin.PutJsonAsync("/api/v1/inbox/business-hours",
            $$"""{"intervals":[{{week}}],"closedDates":[{{closed}}],"firstResponseTargetMinutes":60,"resolutionTargetMinutes":480}""")).JsonAsync();
        Assert.Equal("UTC", set.Text("timeZone"));
        Assert.Equal(7, set.GetProperty("intervals").GetArrayLength());
        Assert.Equal("24:00", set.GetProperty("intervals")[0].Text("closes"));

        var thread = await host.ThreadAsync(accountId, network, "closed-day", TimeSpan.FromHours(5));
        var version = await host.ReplyAsync(thread, thread.Version, ownerId);
        await host.Actions.SetStatusAsync(workspaceId, thread.Id, version, InboxStatus.Resolved, ownerId);

        var sla = await host.Services.GetRequiredService<InboxSla>().ForThreadAsync((await host.Inbox.FindAsync(workspaceId, thread.Id))!);
        Assert.Equal(TimeSpan.Zero, sla.FirstResponse);
        Assert.Equal(TimeSpan.Zero, sla.Resolution);
        Assert.True(sla.FirstResponseMet);
        Assert.True(sla.ResolutionMet);
        Assert.Null(sla.Waiting);

        // A thread still waiting is counted now, in the same hours: no business time has passed on a closed day.
        var waiting = await host.ThreadAsync(accountId, network, "still-waiting", TimeSpan.FromHours(3));
        var open = await host.Services.GetRequiredService<InboxSla>().ForThreadAsync(waiting);
        Assert.Equal(TimeSpan.Zero, open.Waiting);
        Assert.False(open.WaitingOverdue);
        Assert.Equal(TimeSpan.FromMinutes(60), open.WaitingTarget);

        var report = await (await admin.GetAsync("/api/v1/inbox/report")).JsonAsync();
        Assert.Equal(7, report.GetProperty("days").GetInt32());
        Assert.Equal(60, report.GetProperty("firstResponseTargetMinutes").GetInt32());
        Assert.True(report.GetProperty("team").GetProperty("firstResponse").GetProperty("withinTarget").GetInt64() >= 1);

        // Back to always open for the other tests of this class.
        await (await admin.PutJsonAsync("/api/v1/inbox/business-hours", """{"alwaysOpen":true}""")).JsonAsync();
        Assert.True((await (await admin.GetAsync("/api/v1/inbox/business-hours")).JsonAsync()).GetProperty("alwaysOpen").GetBoolean());
    }

    [Fact]
    public async Task bad_business_hours_are_refused_field_by_field_and_only_admins_and_owners_set_them()
    {
        var (_, admin) = await host.MemberAsync(Role.Admin);
        var (_, moderator) = await host.MemberAsync(Role.Moderator);
        var (_, analyst) = await host.MemberAsync(Role.Analyst);

        Assert.Equal(["intervals[1]"], await (await admin.PutJsonAsync("/api/v1/inbox/business-hours",
            """{"intervals":[{"day":"monday","opens":"09:00","closes":"13:00"},{"day":"monday","opens":"12:00","closes":"17:00"}]}""")).ValidationErrorsAsync());
        Assert.Equal(["intervals[0]"], await (await admin.PutJsonAsync("/api/v1/inbox/business-hours",
            """{"intervals":[{"day":"friday","opens":"17:00","closes":"09:00"}]}""")).ValidationErrorsAsync());
        Assert.Equal(["closedDates[0]", "intervals[0].opens"], (await (await admin.PutJsonAsync("/api/v1/inbox/business-hours",
            """{"intervals":[{"day":"friday","opens":"9 o'clock","closes":"17:00"}],"closedDates":["25/12/2026"]}""")).ValidationErrorsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["intervals"], await (await admin.PutJsonAsync("/api/v1/inbox/business-hours", """{"intervals":[]}""")).ValidationErrorsAsync());
        Assert.Equal(["firstResponseTargetMinutes"], await (await admin.PutJsonAsync("/api/v1/inbox/business-hours",
            """{"alwaysOpen":true,"firstResponseTargetMinutes":-5}""")).ValidationErrorsAsync());
        Assert.Equal(["days"], await (await analyst.GetAsync("/api/v1/inbox/report?days=14")).ValidationErrorsAsync());

        const string Good = """{"intervals":[{"day":"monday","opens":"09:00","closes":"17:00"}]}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutJsonAsync("/api/v1/inbox/business-hours", Good)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutJsonAsync("/api/v1/inbox/business-hours", Good)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/inbox/business-hours")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/inbox/report?days=30")).StatusCode);
    }
}
