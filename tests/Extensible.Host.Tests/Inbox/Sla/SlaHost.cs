using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox.Sla;

/// <summary>The inbox host with what the response-time tests do: members with API tokens, threads delivered a while ago, replies.</summary>
public sealed class SlaHost : InboxHost
{
    public InboxActions Actions => Services.GetRequiredService<InboxActions>();

    // Slack for the seconds between a delivery and the reply (the test's own steps, not business time).
    private const double Slack = 120;

    /// <summary>A new member with <paramref name="role"/> and a client carrying their API token.</summary>
    public async Task<(Guid UserId, HttpClient Client)> MemberAsync(Role role)
    {
        var (_, workspaceId) = await OwnerAsync();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var secret = await People.InviteAsync(workspaceId, email, role, Role.Owner, OwnerEmail);
        var userId = await People.AcceptInvitationAsync(secret, $"{role} Person", Password);
        var token = await People.CreateApiTokenAsync(workspaceId, userId, "sla tests", role, role, email);
        var client = new HttpClient { BaseAddress = Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (userId, client);
    }

    /// <summary>One thread per comment (each on its own post), the comment written <paramref name="ago"/> before now.</summary>
    public async Task<InboxThreadRow> ThreadAsync(Guid accountId, string network, string id, TimeSpan ago)
    {
        var (_, workspaceId) = await OwnerAsync();
        var comment = new { id, kind = "comment", authorId = "u-ada", authorHandle = "@ada", authorName = "Ada", text = "Where is my order " + id.Replace("-", "", StringComparison.Ordinal), createdAt = DateTimeOffset.UtcNow - ago, postId = "post-" + id };
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(accountId, Body(network, comment))).StatusCode);
        return Assert.Single((await Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, Search = id.Replace("-", "", StringComparison.Ordinal) })).Threads);
    }

    /// <summary>Replies on the thread as <paramref name="by"/>; answers the thread's new version.</summary>
    public async Task<long> ReplyAsync(InboxThreadRow thread, long version, Guid by)
    {
        var sent = await Actions.ReplyAsync(thread.WorkspaceId, thread.Id, version, null, "On its way.", by);
        Assert.True(sent.Sent, sent.Message);
        return sent.Version;
    }

    /// <summary>Checks a reported figure: at least <paramref name="expectedSeconds"/>, at most the test's own steps more.</summary>
    public static void Near(double expectedSeconds, JsonElement figures, string property) =>
        Assert.InRange(figures.GetProperty(property).GetDouble(), expectedSeconds, expectedSeconds + Slack);
}
