using System.Globalization;
using System.Net;
using System.Text.Json;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class moderators_delete_the_replies_they_sent(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxActions Actions => host.Services.GetRequiredService<InboxActions>();

    // A fresh comment thread with a reply sent to it through the sandbox.
    private async Task<(Guid WorkspaceId, Guid OwnerId, Guid ThreadId, ReplyOutcome Reply)> RepliedAsync(string itemId)
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment(itemId, "Do you deliver?", "post-" + itemId)))).StatusCode);
        var thread = Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
        var reply = await Actions.ReplyAsync(workspaceId, thread.Id, thread.Version, null, "We do, within the week.", ownerId);
        Assert.True(reply.Sent);
        return (workspaceId, ownerId, thread.Id, reply);
    }

    // The reply as the sandbox network keeps it: null when it has none, else when it was deleted there (null while it stands).
    private async Task<(bool Known, DateTimeOffset? DeletedAt)> AtTheNetworkAsync(string platformReplyId)
    {
        var stored = await host.ScalarAsync<string>("select value from plugin_store where key = $1", "reply:" + platformReplyId);
        if (stored is null)
        {
            return (false, null);
        }

        using var json = JsonDocument.Parse(stored);
        return (true, json.RootElement.TryGetProperty("deletedAt", out var at) ? at.GetDateTimeOffset() : null);
    }

    private Task<long> DeletedEventsAsync(Guid threadId) =>
        host.ScalarAsync<long>("select count(*) from mt_events where stream_id = $1 and type = 'inbox_reply_deleted'", $"inbox-thread-{threadId}");

    [Fact]
    public async Task a_sent_reply_is_deleted_on_the_network_and_the_thread_keeps_it_marked_deleted()
    {
        var (workspaceId, ownerId, threadId, reply) = await RepliedAsync("dr1");
        Assert.Equal((true, null), await AtTheNetworkAsync(reply.PlatformReplyId!));

        var version = await Actions.DeleteReplyAsync(workspaceId, threadId, reply.Version, reply.ReplyId, ownerId);

        Assert.Equal(reply.Version + 1, version);
        Assert.NotNull((await AtTheNetworkAsync(reply.PlatformReplyId!)).DeletedAt);
        var view = await host.Inbox.ThreadAsync(workspaceId, threadId);
        Assert.Equal(version, view!.Thread.Version);
        var deleted = Assert.Single(view.Items, i => i.Direction == "out");
        Assert.Equal((reply.ReplyId, "sent", true), (deleted.Id, deleted.ReplyStatus, deleted.Deleted));
        Assert.False(Assert.Single(view.Items, i => i.Direction == "in").Deleted);

        // It is in the audit trail as the others' actions are, and a moderator who looked before is told of it.
        var trail = host.Services.GetRequiredService<AuditTrail>();
        var lines = await trail.PageAsync(workspaceId, new AuditQuery(Type: "inbox_reply_deleted"));
        Assert.Contains("Olive Owner deleted a reply of the account on the network.", lines.Lines.Select(l => l.Summary));
        var stale = await Assert.ThrowsAsync<InboxThreadChangedException>(() => Actions.SetStatusAsync(workspaceId, threadId, reply.Version, InboxStatus.Resolved, ownerId));
        Assert.Equal(["Olive Owner deleted a reply"], stale.Changes);

        // Deleting it again is refused without asking the network.
        var again = await Assert.ThrowsAsync<InboxActionException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, version, reply.ReplyId, ownerId));
        Assert.Contains("deleted on the network already", again.Message, StringComparison.Ordinal);
        Assert.Equal(1, await DeletedEventsAsync(threadId));
    }

    [Fact]
    public async Task a_reply_that_never_went_out_or_is_not_of_the_thread_is_refused_and_nothing_is_written()
    {
        var (workspaceId, ownerId, threadId, sent) = await RepliedAsync("dr2");
        var failed = await Actions.ReplyAsync(workspaceId, threadId, sent.Version, null, new string('x', 1200), ownerId);
        Assert.False(failed.Sent);

        var neverSent = await Assert.ThrowsAsync<InboxActionException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, failed.Version, failed.ReplyId, ownerId));
        var unknown = await Assert.ThrowsAsync<InboxActionException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, failed.Version, Guid.NewGuid(), ownerId));
        var comment = (await host.Inbox.ThreadAsync(workspaceId, threadId))!.Items.First(i => i.Direction == "in").Id;
        var notAReply = await Assert.ThrowsAsync<InboxActionException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, failed.Version, comment, ownerId));

        Assert.Contains("never went out", neverSent.Message, StringComparison.Ordinal);
        Assert.Equal("The thread has no such reply.", unknown.Message);
        Assert.Equal("The thread has no such reply.", notAReply.Message);
        Assert.Equal(failed.Version, (await host.Inbox.FindAsync(workspaceId, threadId))!.Version);
        Assert.Equal((true, null), await AtTheNetworkAsync(sent.PlatformReplyId!));
        Assert.Equal(0, await DeletedEventsAsync(threadId));
    }

    [Fact]
    public async Task a_delete_on_a_thread_that_moved_on_is_refused_with_what_changed_and_reaches_no_network()
    {
        var (workspaceId, ownerId, threadId, reply) = await RepliedAsync("dr3");
        await Actions.PrioritizeAsync(workspaceId, threadId, reply.Version, InboxPriority.High, ownerId);

        var stale = await Assert.ThrowsAsync<InboxThreadChangedException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, reply.Version, reply.ReplyId, ownerId));

        Assert.Equal(["Olive Owner set its priority to high"], stale.Changes);
        Assert.Equal((true, null), await AtTheNetworkAsync(reply.PlatformReplyId!));
        Assert.False(Assert.Single((await host.Inbox.ThreadAsync(workspaceId, threadId))!.Items, i => i.Direction == "out").Deleted);
    }

    [Fact]
    public async Task a_refusal_by_the_network_is_told_with_its_message_and_nothing_is_recorded()
    {
        var (workspaceId, ownerId, threadId, reply) = await RepliedAsync("dr4");
        // The network lost the reply (deleted elsewhere, say): it answers as a real network's 404.
        Assert.NotNull(await host.ScalarAsync<string>("delete from plugin_store where key = $1 returning key", "reply:" + reply.PlatformReplyId));

        var refused = await Assert.ThrowsAsync<InboxActionException>(() => Actions.DeleteReplyAsync(workspaceId, threadId, reply.Version, reply.ReplyId, ownerId));

        Assert.StartsWith("The network refused:", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.Message.Split("The network refused").Length - 1);
        Assert.Contains("Sandbox has no such post.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(reply.Version, (await host.Inbox.FindAsync(workspaceId, threadId))!.Version);
        Assert.Equal(0, await DeletedEventsAsync(threadId));
    }

    [Fact]
    public async Task the_consoles_delete_button_deletes_the_reply_and_answers_with_the_thread_as_it_now_is()
    {
        var (workspaceId, _, threadId, reply) = await RepliedAsync("dr5");
        using var console = await host.ConsoleClientAsync();
        var page = await (await console.GetAsync(new Uri($"/inbox?thread={threadId:N}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("handler=DeleteReply", page, StringComparison.Ordinal);

        var response = await console.PostAsync(new Uri("/inbox?handler=DeleteReply", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = threadId.ToString(), ["version"] = reply.Version.ToString(CultureInfo.InvariantCulture), ["replyId"] = reply.ReplyId.ToString(),
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reply deleted on the network.", html, StringComparison.Ordinal);
        Assert.Contains("Deleted on the network", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=DeleteReply", html, StringComparison.Ordinal);
        Assert.NotNull((await AtTheNetworkAsync(reply.PlatformReplyId!)).DeletedAt);
        Assert.True(Assert.Single((await host.Inbox.ThreadAsync(workspaceId, threadId))!.Items, i => i.Direction == "out").Deleted);
    }
}
