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
/// Threads delivered by sandbox webhooks, answered and resolved by two people: each is measured in business time when it
/// happens, and the team report (API) gives counts, medians and 90th percentiles per person and per network from them.
/// </summary>
public sealed class the_team_report_reads_business_times(SlaHost host) : IClassFixture<SlaHost>
{
    [Fact]
    public async Task first_responses_and_resolutions_are_reported_per_person_and_network_with_median_and_p90()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (moId, mo) = await host.MemberAsync(Role.Moderator);
        var (_, analyst) = await host.MemberAsync(Role.Analyst);
        var (accountId, network) = await host.SandboxAccountAsync();

        // Nothing answered yet: the report says so instead of zeros.
        var empty = await (await analyst.GetAsync("/api/v1/inbox/report?days=7")).JsonAsync();
        Assert.True(empty.GetProperty("empty").GetBoolean());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("team").GetProperty("firstResponse").ValueKind);
        Assert.Empty(empty.GetProperty("people").EnumerateArray());

        // Always open (the default): business time is the time that passed. Olive answers the 1, 2 and 3 hour old comments, Mo the 4 hour old one.
        var threads = new List<InboxThreadRow>();
        foreach (var hours in new[] { 1, 2, 3, 4 })
        {
            threads.Add(await host.ThreadAsync(accountId, network, $"report-{hours}h", TimeSpan.FromHours(hours)));
        }

        var versions = new long[4];
        for (var i = 0; i < 4; i++)
        {
            versions[i] = await host.ReplyAsync(threads[i], threads[i].Version, i < 3 ? ownerId : moId);
        }

        // A second reply is not a first response; resolutions: Olive two, Mo one.
        versions[0] = await host.ReplyAsync(threads[0], versions[0], moId);
        await host.Actions.SetStatusAsync(workspaceId, threads[0].Id, versions[0], InboxStatus.Resolved, ownerId);
        await host.Actions.SetStatusAsync(workspaceId, threads[1].Id, versions[1], InboxStatus.Resolved, ownerId);
        await host.Actions.SetStatusAsync(workspaceId, threads[2].Id, versions[2], InboxStatus.Resolved, moId);

        var report = await (await analyst.GetAsync("/api/v1/inbox/report?days=7")).JsonAsync();
        Assert.False(report.GetProperty("empty").GetBoolean());
        var team = report.GetProperty("team");
        Assert.Equal(4, team.GetProperty("firstResponse").GetProperty("count").GetInt64());
        // percentile_cont over 1, 2, 3, 4 hours: median 2.5 h, p90 3.7 h.
        SlaHost.Near(2.5 * 3600, team.GetProperty("firstResponse"), "medianSeconds");
        SlaHost.Near(3.7 * 3600, team.GetProperty("firstResponse"), "p90Seconds");
        Assert.Equal(3, team.GetProperty("resolution").GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, team.GetProperty("firstResponse").GetProperty("withinTarget").ValueKind);

        var people = report.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("userId").GetGuid());
        Assert.Equal("Olive Owner", people[ownerId].Text("name"));
        Assert.Equal(3, people[ownerId].GetProperty("firstResponse").GetProperty("count").GetInt64());
        SlaHost.Near(2 * 3600, people[ownerId].GetProperty("firstResponse"), "medianSeconds");
        SlaHost.Near(2.8 * 3600, people[ownerId].GetProperty("firstResponse"), "p90Seconds");
        Assert.Equal(2, people[ownerId].GetProperty("resolution").GetProperty("count").GetInt64());
        Assert.Equal(1, people[moId].GetProperty("firstResponse").GetProperty("count").GetInt64());
        SlaHost.Near(4 * 3600, people[moId].GetProperty("firstResponse"), "medianSeconds");
        Assert.Equal(1, people[moId].GetProperty("resolution").GetProperty("count").GetInt64());
        SlaHost.Near(3 * 3600, people[moId].GetProperty("resolution"), "medianSeconds");

        var byNetwork = Assert.Single(report.GetProperty("networks").EnumerateArray());
        Assert.Equal(threads[0].PlatformKey, byNetwork.Text("network"));
        Assert.Equal(4, byNetwork.GetProperty("firstResponse").GetProperty("count").GetInt64());

        // A thread that is reopened leaves the resolutions; the 30-day report holds the same threads.
        var reopened = await host.Inbox.FindAsync(workspaceId, threads[1].Id);
        await host.Actions.SetStatusAsync(workspaceId, reopened!.Id, reopened.Version, InboxStatus.Open, ownerId);
        var month = await (await analyst.GetAsync("/api/v1/inbox/report?days=30")).JsonAsync();
        Assert.Equal(30, month.GetProperty("days").GetInt32());
        Assert.Equal(2, month.GetProperty("team").GetProperty("resolution").GetProperty("count").GetInt64());
        Assert.Equal(4, month.GetProperty("team").GetProperty("firstResponse").GetProperty("count").GetInt64());
    }
}
