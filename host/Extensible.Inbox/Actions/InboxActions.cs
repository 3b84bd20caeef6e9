using Extensible.EventStore;
using Extensible.Inbox.Threads;
using Extensible.People;
using Extensible.Plugins.Calls;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Extensible.Inbox.Actions;

/// <summary>
/// What moderators do with a thread, as events on its stream. Every action names the thread's version the moderator saw:
/// when someone else acted in between (or a new item arrived), nothing is written and the moderator is told what changed
/// (<see cref="InboxThreadChangedException"/>). Actions on the network (reply, hide, delete) go through the account's
/// connector, checked against the version before the call and recorded after it whatever else happened meanwhile.
/// </summary>
public sealed partial class InboxActions(
    EventStore.EventStore store, InboxBoard board, AccountVault vault, PeopleDirectory people, ILogger<InboxActions> logger)
{
    /// <summary>The longest reply accepted (networks refuse theirs far below it, with their own message).</summary>
    public const int MaxReplyLength = 10_000;

    /// <summary>The longest escalation note.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>
    /// Whether <paramref name="text"/> holds a control character other than a line break or a tab (PostgreSQL stores no
    /// NUL, and no network takes the others).
    /// </summary>
    public static bool HasStrayControl(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>Moves the thread to <paramref name="status"/> (<see cref="InboxStatus"/>; not <c>hidden</c>, which hiding sets).</summary>
    public Task<long> SetStatusAsync(Guid workspaceId, Guid threadId, long expectedVersion, string status, Guid by, CancellationToken cancellationToken = default) =>
        status is InboxStatus.New or InboxStatus.Open or InboxStatus.Pending or InboxStatus.Resolved or InboxStatus.Spam
            ? AppendAsync(workspaceId, threadId, expectedVersion, new InboxThreadStatusChanged(threadId, workspaceId, status, by), by, cancellationToken)
            : throw new InboxActionException($"A thread can be set to new, open, pending, resolved or spam, not '{Cut(status ?? string.Empty, 40)}'.");

    /// <summary>Gives the thread to a member of the workspace, or to no one.</summary>
    public async Task<long> AssignAsync(Guid workspaceId, Guid threadId, long expectedVersion, Guid? assigneeId, Guid by, CancellationToken cancellationToken = default)
    {
        if (assigneeId is { } assignee && !(await people.MembersAsync(workspaceId, cancellationToken)).Any(m => m.UserId == assignee))
        {
            throw new InboxActionException("Threads can be assigned only to members of this workspace.");
        }

        return await AppendAsync(workspaceId, threadId, expectedVersion, new InboxThreadAssigned(threadId, workspaceId, assigneeId, by), by, cancellationToken);
    }

    /// <summary>Sets the thread's labels (see <see cref="InboxLabels"/>).</summary>
    public Task<long> LabelAsync(Guid workspaceId, Guid threadId, long expectedVersion, IEnumerable<string?> labels, Guid by, CancellationToken cancellationToken = default)
    {
        var (normalized, error) = InboxLabels.Normalize(labels);
        return error is null
            ? AppendAsync(workspaceId, threadId, expectedVersion, new InboxThreadLabelled(threadId, workspaceId, normalized, by), by, cancellationToken)
            : throw new InboxActionException(error);
    }

    /// <summary>Sets the thread's priority (<see cref="InboxPriority"/>).</summary>
    public Task<long> PrioritizeAsync(Guid workspaceId, Guid threadId, long expectedVersion, string priority, Guid by, CancellationToken cancellationToken = default) =>
        InboxPriority.IsKnown(priority)
            ? AppendAsync(workspaceId, threadId, expectedVersion, new InboxThreadPrioritized(threadId, workspaceId, priority, by), by, cancellationToken)
            : throw new InboxActionException($"Priority must be one of: {string.Join(", ", InboxPriority.All)}.");

    /// <summary>Escalates the thread with a note (it opens again if it was new or resolved).</summary>
    public Task<long> EscalateAsync(Guid workspaceId, Guid threadId, long expectedVersion, string note, Guid by, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(note) || note.Length > MaxNoteLength || HasStrayControl(note)
            ? throw new InboxActionException($"An escalation needs a note of 1 to {MaxNoteLength} characters, without control characters.")
            : AppendAsync(workspaceId, threadId, expectedVersion, new InboxThreadEscalated(threadId, workspaceId, note.Trim(), by), by, cancellationToken);

    /// <summary>
    /// Replies on the network to <paramref name="toItemId"/> (by default the thread's newest item from the public). A refused
    /// reply is recorded as failed with the network's message; sending again with its <paramref name="replyId"/> replaces it.
    /// </summary>
    public async Task<ReplyOutcome> ReplyAsync(
        Guid workspaceId, Guid threadId, long expectedVersion, string? toItemId, string text, Guid by, Guid? replyId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxReplyLength || HasStrayControl(text))
        {
            throw new InboxActionException($"A reply needs 1 to {MaxReplyLength} characters, without control characters other than line breaks and tabs.");
        }

        if (SavedReplies.SavedReplyTemplate.Blanks(text) is [var blank, ..])
        {
            throw new InboxActionException($"Fill in {{{blank}}} first: the saved reply had no value for it.");
        }

        var (view, item) = await TargetAsync(workspaceId, threadId, expectedVersion, toItemId, cancellationToken);
        // Sending again is for a reply the network refused; one that went out (or was deleted since) would go out twice.
        if (replyId is { } again && !view.Items.Any(i => i.Id == again && i.Direction == "out" && i.ReplyStatus == "failed" && !i.Deleted))
        {
            throw new InboxActionException("Only a reply that failed can be sent again; this thread has no failed reply with that id.");
        }

        var id = replyId ?? Guid.CreateVersion7();
        object recorded;
        try
        {
            var (credentials, connector) = await OpenAsync(view.Thread, PlatformFeatures.Reply, "replies", cancellationToken);
            var reference = new InboxItemReference(item.PlatformItemId!, InboxKinds.Parse(item.Kind), item.ConversationId);
            var platformId = await connector.CallAsync("reply", (c, t) => c.ReplyAsync(credentials, reference, text, t), cancellationToken);
            recorded = new InboxReplySent(threadId, workspaceId, id, item.PlatformItemId!, text, platformId, by);
        }
        catch (Exception e) when (e is PlatformException or PluginCallException && !cancellationToken.IsCancellationRequested)
        {
            var (failure, message) = e is PlatformException p ? (p.Failure, p.Message) : (PlatformFailure.Retryable, e.Message);
            InboxLog.ReplyFailed(logger, threadId, message);
            recorded = new InboxReplyFailed(threadId, workspaceId, id, item.PlatformItemId!, text, failure, message, by);
        }

        var version = await RecordAsync(workspaceId, threadId, recorded, by, cancellationToken);
        return recorded is InboxReplySent sent
            ? new ReplyOutcome(id, true, sent.PlatformReplyId, null, version)
            : new ReplyOutcome(id, false, null, ((InboxReplyFailed)recorded).Message, version);
    }

    /// <summary>Hides an item from the public on the network, or shows it again.</summary>
    public async Task<long> SetHiddenAsync(Guid workspaceId, Guid threadId, long expectedVersion, string? itemId, bool hidden, Guid by, CancellationToken cancellationToken = default)
    {
        var (view, item) = await TargetAsync(workspaceId, threadId, expectedVersion, itemId, cancellationToken);
        var (credentials, connector) = await OpenAsync(view.Thread, PlatformFeatures.HideComment, "hiding comments", cancellationToken);
        var reference = new InboxItemReference(item.PlatformItemId!, InboxKinds.Parse(item.Kind), item.ConversationId);
        await NetworkAsync(() => connector.CallAsync("hide", async (c, t) =>
        {
            await c.SetHiddenAsync(credentials, reference, hidden, t);
            return true;
        }, cancellationToken));
        return await RecordAsync(workspaceId, threadId, new InboxItemHidden(threadId, workspaceId, item.PlatformItemId!, hidden, by), by, cancellationToken);
    }

    /// <summary>Deletes an item on the network.</summary>
    public async Task<long> DeleteItemAsync(Guid workspaceId, Guid threadId, long expectedVersion, string? itemId, Guid by, CancellationToken cancellationToken = default)
    {
        var (view, item) = await TargetAsync(workspaceId, threadId, expectedVersion, itemId, cancellationToken);
        var (credentials, connector) = await OpenAsync(view.Thread, PlatformFeatures.DeleteComment, "deleting comments", cancellationToken);
        var reference = new InboxItemReference(item.PlatformItemId!, InboxKinds.Parse(item.Kind), item.ConversationId);
        await NetworkAsync(() => connector.CallAsync("delete comment", async (c, t) =>
        {
            await c.DeleteCommentAsync(credentials, reference, t);
            return true;
        }, cancellationToken));
        return await RecordAsync(workspaceId, threadId, new InboxItemDeleted(threadId, workspaceId, item.PlatformItemId!, by), by, cancellationToken);
    }

    private async Task<long> AppendAsync(Guid workspaceId, Guid threadId, long expectedVersion, object change, Guid by, CancellationToken cancellationToken)
    {
        if (await board.FindAsync(workspaceId, threadId, cancellationToken) is null)
        {
            throw new InboxActionException("There is no such thread in this workspace.");
        }

        try
        {
            var result = await store.AppendAsync(InboxStreams.Thread(threadId), expectedVersion, [change], Metadata(workspaceId, by), cancellationToken);
            return result.Events[^1].Version;
        }
        catch (StreamConcurrencyException e)
        {
            throw await ChangedAsync(workspaceId, threadId, expectedVersion, e.ActualVersion, cancellationToken);
        }
    }

    // What the network did, recorded whatever happened to the thread during the call (the version was checked before it).
    private async Task<long> RecordAsync(Guid workspaceId, Guid threadId, object happened, Guid by, CancellationToken cancellationToken)
    {
        var result = await store.AppendAsync(InboxStreams.Thread(threadId), ExpectedVersion.Any, [happened], Metadata(workspaceId, by), cancellationToken);
        return result.Events[^1].Version;
    }

    // The thread as the moderator saw it, or a conflict telling them what changed since.
    private async Task<InboxThreadView> ThreadAtAsync(Guid workspaceId, Guid threadId, long expectedVersion, CancellationToken cancellationToken)
    {
        if (await board.ThreadAsync(workspaceId, threadId, cancellationToken) is not { } view)
        {
            throw new InboxActionException("There is no such thread in this workspace.");
        }

        return view.Thread.Version == expectedVersion ? view : throw await ChangedAsync(workspaceId, threadId, expectedVersion, view.Thread.Version, cancellationToken);
    }

    // The thread as the moderator saw it (or a conflict), and the item acted on: the one named, or the newest from the public.
    private async Task<(InboxThreadView View, InboxItemRow Item)> TargetAsync(Guid workspaceId, Guid threadId, long expectedVersion, string? itemId, CancellationToken cancellationToken)
    {
        var view = await ThreadAtAsync(workspaceId, threadId, expectedVersion, cancellationToken);
        var item = string.IsNullOrEmpty(itemId)
            ? view.Items.LastOrDefault(i => i.Direction == "in" && !i.Deleted)
            : view.Items.FirstOrDefault(i => i.Direction == "in" && i.PlatformItemId == itemId);
        return item?.PlatformItemId is null ? throw new InboxActionException("The thread has no such item.") : (view, item);
    }

    private async Task<(AccountCredentials Credentials, GuardedCapability<IPlatformConnector> Connector)> OpenAsync(
        InboxThreadRow thread, PlatformFeatures feature, string what, CancellationToken cancellationToken)
    {
        var access = await vault.OpenAsync(thread.WorkspaceId, thread.AccountId, cancellationToken);
        if (access?.Connector is not { } connector)
        {
            throw new InboxActionException("The account's network plugin is not running; try again once it is.");
        }

        if (access.Credentials is not { } credentials)
        {
            throw new InboxActionException(access.Account.HealthReason ?? "The account must be connected again first.");
        }

        var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
        return profile.Features.HasFlag(feature) ? (credentials, connector) : throw new InboxActionException($"{profile.DisplayName} does not allow {what}.");
    }

    private static async Task NetworkAsync(Func<Task<bool>> call)
    {
        try
        {
            await call();
        }
        catch (PlatformException e)
        {
            // The SDK's refusals already begin "The network refused…": said once, not twice.
            throw new InboxActionException(e.Message.StartsWith("The network refused", StringComparison.Ordinal) ? e.Message : $"The network refused: {e.Message}");
        }
        catch (PluginCallException e)
        {
            throw new InboxActionException($"The network's plugin failed: {e.Message}");
        }
    }

    private async Task<InboxThreadChangedException> ChangedAsync(Guid workspaceId, Guid threadId, long expected, long actual, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(InboxStreams.Thread(threadId), expected + 1, tenant: workspaceId.ToString(), cancellationToken: cancellationToken);
        var names = new Dictionary<Guid, string>();
        var changes = new List<string>();
        foreach (var e in events.TakeLast(10))
        {
            changes.Add(e.Data switch
            {
                InboxItemReceived r => $"a new {InboxKinds.Describe(InboxKinds.Stored(r.Kind))} arrived from {r.Author.Handle}",
                InboxThreadStatusChanged s => $"{await NameAsync(s.By)} set it to {s.Status}",
                InboxThreadAssigned { AssigneeId: null } a => $"{await NameAsync(a.By)} unassigned it",
                InboxThreadAssigned a => $"{await NameAsync(a.By)} assigned it to {await NameAsync(a.AssigneeId!.Value)}",
                InboxThreadLabelled l => $"{await NameAsync(l.By)} set its labels",
                InboxThreadPrioritized p => $"{await NameAsync(p.By)} set its priority to {p.Priority}",
                InboxThreadEscalated x => $"{await NameAsync(x.By)} escalated it",
                InboxReplySent s => $"{await NameAsync(s.By)} replied",
                InboxReplyFailed f => $"{await NameAsync(f.By)} tried to reply",
                InboxReplyDeleted d => $"{await NameAsync(d.By)} deleted a reply",
                InboxItemHidden h => $"{await NameAsync(h.By)} {(h.Hidden ? "hid" : "showed")} an item",
                InboxItemDeleted d => $"{await NameAsync(d.By)} deleted an item",
                InboxItemSentimentSet { Sentiment: InboxSentiment.Unknown } m => $"{await NameAsync(m.By)} cleared an item's sentiment",
                InboxItemSentimentSet m => $"{await NameAsync(m.By)} set an item's sentiment to {m.Sentiment}",
                InboxItemLiked l => $"{await NameAsync(l.By)} liked an item",
                InboxItemUnliked u => $"{await NameAsync(u.By)} took a like back",
                _ => "it changed",
            });
        }

        return new InboxThreadChangedException(threadId, expected, actual, changes.Count == 0 ? ["it changed"] : changes);

        async Task<string> NameAsync(Guid userId)
        {
            if (!names.TryGetValue(userId, out var name))
            {
                name = (await people.FindUserAsync(userId, cancellationToken))?.DisplayName ?? "someone";
                names[userId] = name;
            }

            return name;
        }
    }

    private static EventMetadata Metadata(Guid workspaceId, Guid by) => new() { Tenant = workspaceId.ToString(), User = by.ToString() };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
