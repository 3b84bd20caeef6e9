using System.Net;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class moderators_act_on_threads(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxActions Actions => host.Services.GetRequiredService<InboxActions>();

    private async Task<(Guid WorkspaceId, Guid OwnerId, InboxThreadRow Thread)> ThreadAsync(string itemId, string kind = "comment")
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        var item = kind == "comment"
            ? InboxHost.Comment(itemId, "Is this thing on?", "post-" + itemId)
            : new { id = itemId, kind, authorId = "u-bo", authorHandle = "@bo", text = "Psst", createdAt = DateTimeOffset.UtcNow, conversationId = "dm-" + itemId };
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, item))).StatusCode);
        var thread = Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
        return (workspaceId, ownerId, thread);
    }

    [Fact]
    public async Task an_action_on_a_thread_someone_else_changed_is_refused_with_what_changed()
    {
        var (workspaceId, ownerId, thread) = await ThreadAsync("c1");
        var seen = thread.Version;

        // Olive resolves it first; a second moderator who saw the same version is told, and nothing of theirs is written.
        var resolved = await Actions.SetStatusAsync(workspaceId, thread.Id, seen, InboxStatus.Resolved, ownerId);
        var second = await Assert.ThrowsAsync<InboxThreadChangedException>(() => Actions.AssignAsync(workspaceId, thread.Id, seen, ownerId, ownerId));

        Assert.Equal(seen + 1, resolved);
        Assert.Contains("Olive Owner set it to resolved", second.Changes);
        var now = await host.Inbox.FindAsync(workspaceId, thread.Id);
        Assert.Equal(InboxStatus.Resolved, now!.Status);
        Assert.Null(now.AssigneeId);
        Assert.NotNull(now.ResolvedAt);

        // Retrying with what they see now goes through.
        await Actions.AssignAsync(workspaceId, thread.Id, now.Version, ownerId, ownerId);
        Assert.Equal(ownerId, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.AssigneeId);
    }

    [Fact]
    public async Task every_action_is_a_sentence_in_the_audit_trail_with_who_did_it_found_by_their_email()
    {
        var (workspaceId, ownerId, thread) = await ThreadAsync("audit-1");
        var version = await Actions.AssignAsync(workspaceId, thread.Id, thread.Version, ownerId, ownerId);
        version = await Actions.LabelAsync(workspaceId, thread.Id, version, ["audited", "legal"], ownerId);
        version = await Actions.PrioritizeAsync(workspaceId, thread.Id, version, InboxPriority.Urgent, ownerId);
        version = await Actions.EscalateAsync(workspaceId, thread.Id, version, "Legal <b>should</b> see this.", ownerId);
        await Actions.SetStatusAsync(workspaceId, thread.Id, version, InboxStatus.Resolved, ownerId);

        var trail = host.Services.GetRequiredService<AuditTrail>();
        var lines = (await trail.PageAsync(workspaceId, new AuditQuery(User: Extensible.Host.Tests.Publishing.PublishingHost.OwnerEmail))).Lines.Select(l => l.Summary).ToList();
        Assert.Contains("Olive Owner set an inbox thread to resolved.", lines);
        Assert.Contains("Olive Owner escalated an inbox thread: Legal <b>should</b> see this.", lines);
        Assert.Contains("Olive Owner gave an inbox thread urgent priority.", lines);
        Assert.Contains("Olive Owner labelled an inbox thread audited, legal.", lines);
        Assert.Contains("Olive Owner assigned an inbox thread to Olive Owner.", lines);
        Assert.DoesNotContain(lines, l => l.Contains(": inbox_", StringComparison.Ordinal) || l.Contains(ownerId.ToString(), StringComparison.Ordinal));
        var assigned = await trail.PageAsync(workspaceId, new AuditQuery(Type: "inbox_thread_assigned"));
        Assert.NotEmpty(assigned.Lines);
        Assert.All(assigned.Lines, l => Assert.Equal("Olive Owner", l.Who));
    }

    [Fact]
    public async Task a_new_item_reopens_a_resolved_thread()
    {
        var (workspaceId, ownerId, thread) = await ThreadAsync("c2");
        await Actions.SetStatusAsync(workspaceId, thread.Id, thread.Version, InboxStatus.Resolved, ownerId);
        var network = (await host.Services.GetRequiredService<Extensible.Publishing.Accounts.AccountDirectory>().FindAsync(workspaceId, thread.AccountId))!.PlatformAccountId;

        await host.DeliverAsync(thread.AccountId, InboxHost.Body(network, InboxHost.Comment("c2-more", "Hello again?", "post-c2")));

        var reopened = await host.Inbox.FindAsync(workspaceId, thread.Id);
        Assert.Equal(InboxStatus.New, reopened!.Status);
        Assert.Equal(2, reopened.ItemCount);
        Assert.Null(reopened.ResolvedAt);
    }

    [Fact]
    public async Task a_reply_goes_out_through_the_network_and_a_refused_one_stays_visible_and_can_be_sent_again()
    {
        var (workspaceId, ownerId, thread) = await ThreadAsync("c3");

        var refused = await Actions.ReplyAsync(workspaceId, thread.Id, thread.Version, null, new string('x', 1200), ownerId);
        Assert.False(refused.Sent);
        Assert.Contains("at most 1000", refused.Message, StringComparison.Ordinal);
        var failed = (await host.Inbox.ThreadAsync(workspaceId, thread.Id))!.Items.Single(i => i.Direction == "out");
        Assert.Equal(("failed", refused.ReplyId), (failed.ReplyStatus, failed.Id));
        Assert.Equal(refused.Message, failed.FailureMessage);

        var sent = await Actions.ReplyAsync(workspaceId, thread.Id, refused.Version, null, "Thanks, we are on it.", ownerId, refused.ReplyId);
        Assert.True(sent.Sent);
        Assert.StartsWith("sbx-r", sent.PlatformReplyId, StringComparison.Ordinal);
        var view = await host.Inbox.ThreadAsync(workspaceId, thread.Id);
        var reply = Assert.Single(view!.Items, i => i.Direction == "out");
        Assert.Equal(("sent", "Thanks, we are on it.", ownerId), (reply.ReplyStatus, reply.Text, reply.By));
        Assert.NotNull(view.Thread.FirstResponseAt);
        Assert.Equal(InboxStatus.Open, view.Thread.Status);

        // Once it went out, its id sends nothing again (a second reply on the network), nor does a made-up one.
        var twice = await Assert.ThrowsAsync<InboxActionException>(() =>
            Actions.ReplyAsync(workspaceId, thread.Id, sent.Version, null, "Thanks, we are on it.", ownerId, refused.ReplyId));
        Assert.Contains("Only a reply that failed", twice.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InboxActionException>(() => Actions.ReplyAsync(workspaceId, thread.Id, sent.Version, null, "Hi", ownerId, Guid.NewGuid()));
        Assert.Equal(sent.Version, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.Version);
    }

    [Fact]
    public async Task hiding_goes_through_the_network_and_what_it_refuses_changes_nothing()
    {
        var (workspaceId, ownerId, comment) = await ThreadAsync("c4");
        var (_, _, message) = await ThreadAsync("m4", kind: "direct_message");

        await Actions.SetHiddenAsync(workspaceId, comment.Id, comment.Version, null, hidden: true, ownerId);
        var refused = await Assert.ThrowsAsync<InboxActionException>(() => Actions.SetHiddenAsync(workspaceId, message.Id, message.Version, null, hidden: true, ownerId));

        var hidden = await host.Inbox.ThreadAsync(workspaceId, comment.Id);
        Assert.Equal(InboxStatus.Hidden, hidden!.Thread.Status);
        Assert.True(Assert.Single(hidden.Items).Hidden);
        Assert.Contains("Direct messages cannot be hidden", refused.Message, StringComparison.Ordinal);
        Assert.Equal(InboxStatus.New, (await host.Inbox.FindAsync(workspaceId, message.Id))!.Status);
    }

    [Theory]
    [InlineData("status", "archived")]
    [InlineData("priority", "whenever")]
    [InlineData("label", "")]
    [InlineData("escalate", "")]
    [InlineData("reply", "  ")]
    [InlineData("reply", "Hello\0there")]
    [InlineData("escalate", "Look\u0007")]
    [InlineData("assign", "stranger")]
    public async Task bad_input_is_refused_with_a_reason_and_nothing_is_written(string action, string value)
    {
        var (workspaceId, ownerId, thread) = await ThreadAsync("bad-" + action + value.Length);
        Task act() => action switch
        {
            "status" => Actions.SetStatusAsync(workspaceId, thread.Id, thread.Version, value, ownerId),
            "priority" => Actions.PrioritizeAsync(workspaceId, thread.Id, thread.Version, value, ownerId),
            "label" => Actions.LabelAsync(workspaceId, thread.Id, thread.Version, [new string('l', InboxLabels.MaxLength + 1)], ownerId),
            "escalate" => Actions.EscalateAsync(workspaceId, thread.Id, thread.Version, value, ownerId),
            "reply" => Actions.ReplyAsync(workspaceId, thread.Id, thread.Version, null, value, ownerId),
            _ => Actions.AssignAsync(workspaceId, thread.Id, thread.Version, Guid.NewGuid(), ownerId),
        };

        var refused = await Assert.ThrowsAsync<InboxActionException>(act);

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equal(thread.Version, (await host.Inbox.FindAsync(workspaceId, thread.Id))!.Version);
    }

    [Fact]
    public async Task the_list_filters_searches_and_pages_without_gaps()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        for (var i = 0; i < 7; i++)
        {
            await host.DeliverAsync(accountId, InboxHost.Body(network, InboxHost.Comment($"p{i}", i == 3 ? "Refund my marmalade order" : $"Nice post {i}", $"post-page-{i}")));
        }

        var first = await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, PageSize = 3 });
        var second = await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, PageSize = 3, After = first.Next });
        var third = await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, PageSize = 3, After = second.Next });
        var found = await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId, Search = "marmalade" });
        var target = found.Threads.Single();
        await Actions.LabelAsync(workspaceId, target.Id, target.Version, ["Refund ", "refund", "VIP"], ownerId);
        var labelled = await host.Inbox.ListAsync(workspaceId, new InboxQuery { Label = "vip" });

        var all = first.Threads.Concat(second.Threads).Concat(third.Threads).ToList();
        Assert.Equal(7, all.Select(t => t.Id).Distinct().Count());
        Assert.Null(third.Next);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.LastItemAt >= p.Second.LastItemAt), "Newest first.");
        Assert.Equal("Refund my marmalade order", target.Preview);
        Assert.Equal(["refund", "vip"], Assert.Single(labelled.Threads).Labels);
        Assert.NotEmpty(new InboxQuery { After = "not-a-position" }.Validate());
        Assert.NotEmpty(new InboxQuery { Status = "bogus" }.Validate());
    }
}
