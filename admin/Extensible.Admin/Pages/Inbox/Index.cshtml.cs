using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// The Inbox room: the workspace's threads newest first with filters and search, one thread open beside them, and the
/// moderators' actions. Every member may read it; every handler that changes something declares
/// <see cref="Policies.Moderate"/>. It stays live through <see cref="InboxUpdates"/> and <see cref="InboxPresence"/>.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(InboxBoard board, InboxRoomReader reader, InboxActions actions, PeopleDirectory people) : RoomPageModel(ConsoleRooms.Inbox)
{
    /// <summary>The filters in force.</summary>
    public InboxFilter Filter { get; private set; } = new();

    /// <summary>The rows shown.</summary>
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    /// <summary>Where the next (older) page starts, or null on the last.</summary>
    public string? Next { get; private set; }

    /// <summary>Whether this is a later page (live arrivals are then announced, not inserted).</summary>
    public bool IsLaterPage { get; private set; }

    /// <summary>What is wrong with the filters, by field.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The open thread, or null.</summary>
    public InboxThreadPanel? Panel { get; private set; }

    /// <summary>The workspace's accounts, for the filters.</summary>
    public IReadOnlyList<AccountRecord> Accounts { get; private set; } = [];

    /// <summary>The workspace's labels in use, for the filter.</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>The workspace's members, for the assignee filter.</summary>
    public IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    /// <summary>Whether the viewer may act on threads.</summary>
    public bool MayModerate => User.May(Policies.Moderate);

    /// <summary>The list (<c>/inbox?status=new&amp;q=refund</c>), with a thread open when the address names one (<c>thread=</c>).</summary>
    public async Task<IActionResult> OnGetAsync(
        string? status, string? network, Guid? account, string? label, string? priority, string? assignee, string? q, string? after, Guid? thread,
        string? sentiment, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        Filter = InboxFilter.From(status, network, account, label, priority, assignee, q, sentiment);
        var query = Filter.Query(User.UserId(), after);
        Errors = query.Validate();
        Accounts = await reader.AccountsAsync(workspaceId, cancellationToken);
        Labels = await board.LabelsAsync(workspaceId, cancellationToken);
        Members = await people.MembersAsync(workspaceId, cancellationToken);
        if (Errors.Count == 0)
        {
            var page = await board.ListAsync(workspaceId, query, cancellationToken);
            Rows = await reader.RowsAsync(workspaceId, page.Threads, MayModerate, cancellationToken);
            Next = page.Next;
            IsLaterPage = query.After is not null;
        }

        if (thread is { } threadId)
        {
            Panel = await reader.PanelAsync(workspaceId, threadId, MayModerate, cancellationToken);
        }

        return Page();
    }

    /// <summary>One thread's panel (htmx).</summary>
    public async Task<IActionResult> OnGetThreadAsync(Guid id, CancellationToken cancellationToken) =>
        await reader.PanelAsync(User.WorkspaceId(), id, MayModerate, cancellationToken) is { } panel
            ? Partial("_ThreadPanel", panel)
            : NotFound();

    /// <summary>Moves the thread to a status: resolve, reopen, pending, spam.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostStatusAsync(Guid id, long version, string? status, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.SetStatusAsync(User.WorkspaceId(), id, version, status ?? string.Empty, User.UserId(), cancellationToken),
            $"Marked {InboxText.Status(status ?? string.Empty).ToLowerInvariant()}.", cancellationToken);

    /// <summary>Gives the thread to a member (<c>me</c> for oneself), or to no one (blank).</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostAssignAsync(Guid id, long version, string? assignee, CancellationToken cancellationToken)
    {
        Guid? to = assignee == InboxFilter.Me ? User.UserId() : Guid.TryParse(assignee, out var member) ? member : null;
        return ActAsync(id, () => actions.AssignAsync(User.WorkspaceId(), id, version, to, User.UserId(), cancellationToken),
            to is null ? "Unassigned." : "Assigned.", cancellationToken);
    }

    /// <summary>Sets the thread's labels (comma-separated).</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostLabelsAsync(Guid id, long version, string? labels, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.LabelAsync(User.WorkspaceId(), id, version, (labels ?? string.Empty).Split(','), User.UserId(), cancellationToken),
            "Labels saved.", cancellationToken);

    /// <summary>Sets the thread's priority.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostPriorityAsync(Guid id, long version, string? priority, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.PrioritizeAsync(User.WorkspaceId(), id, version, priority ?? string.Empty, User.UserId(), cancellationToken),
            "Priority saved.", cancellationToken);

    /// <summary>Escalates the thread with a note.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostEscalateAsync(Guid id, long version, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.EscalateAsync(User.WorkspaceId(), id, version, note ?? string.Empty, User.UserId(), cancellationToken),
            "Escalated.", cancellationToken);

    /// <summary>Sets an item's sentiment by hand (correcting the network's).</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostSentimentAsync(Guid id, long version, string? item, string? sentiment, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.SetSentimentAsync(User.WorkspaceId(), id, version, item, sentiment ?? string.Empty, User.UserId(), cancellationToken),
            sentiment == InboxSentiment.Unknown ? "Sentiment cleared." : $"Sentiment set to {InboxText.Sentiment(sentiment).ToLowerInvariant()}.", cancellationToken);

    /// <summary>Hides an item on the network, or shows it again.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostHideAsync(Guid id, long version, string? item, bool hidden, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.SetHiddenAsync(User.WorkspaceId(), id, version, item, hidden, User.UserId(), cancellationToken),
            hidden ? "Hidden on the network." : "Shown again on the network.", cancellationToken);

    /// <summary>Likes an item on the network, or takes the like back; a refusal shows the network's message in the panel.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostLikeAsync(Guid id, long version, string? item, bool liked, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.SetLikedAsync(User.WorkspaceId(), id, version, item, liked, User.UserId(), cancellationToken),
            liked ? "Liked on the network." : "Like taken back on the network.", cancellationToken);

    /// <summary>The saved replies filled for this thread, for the reply box's picker (htmx).</summary>
    [Authorize(Policy = Policies.Moderate)]
    public async Task<IActionResult> OnGetSavedRepliesAsync(Guid id, [FromServices] Extensible.Inbox.SavedReplies.SavedReplyLibrary library, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        if (await library.ValuesAsync(workspaceId, id, User.UserId(), cancellationToken) is not { } values)
        {
            return NotFound();
        }

        var replies = await library.ListAsync(workspaceId, cancellationToken);
        return Partial("_SavedReplyPicker", new SavedReplyPicker(id, [.. replies.Select(r => (r, Extensible.Inbox.SavedReplies.SavedReplyTemplate.Fill(r.Text, values)))]));
    }

    /// <summary>Deletes an item on the network.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostDeleteAsync(Guid id, long version, string? item, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.DeleteItemAsync(User.WorkspaceId(), id, version, item, User.UserId(), cancellationToken),
            "Deleted on the network.", cancellationToken);

    /// <summary>Deletes on the network a reply sent from here; the thread keeps it, marked deleted.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public Task<IActionResult> OnPostDeleteReplyAsync(Guid id, long version, Guid replyId, CancellationToken cancellationToken) =>
        ActAsync(id, () => actions.DeleteReplyAsync(User.WorkspaceId(), id, version, replyId, User.UserId(), cancellationToken),
            "Reply deleted on the network.", cancellationToken);

    /// <summary>
    /// Replies on the network (to <paramref name="to"/>, else the newest item from the public); with <paramref name="replyId"/>,
    /// sends a failed reply again in its place. A refusal by the network is shown on the reply, with Retry.
    /// </summary>
    [Authorize(Policy = Policies.Moderate)]
    public async Task<IActionResult> OnPostReplyAsync(Guid id, long version, string? text, string? to, Guid? replyId, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        Toast toast;
        try
        {
            var outcome = await actions.ReplyAsync(workspaceId, id, version, to, text ?? string.Empty, User.UserId(), replyId, cancellationToken);
            toast = outcome.Sent ? new Toast("Reply sent.", Toast.Success) : new Toast($"The network refused the reply: {outcome.Message}", Toast.Error);
        }
        catch (Exception e) when (e is InboxThreadChangedException or InboxActionException)
        {
            return await AnswerAsync(id, Notice(e), null, clearReply: false, cancellationToken);
        }

        return await AnswerAsync(id, null, toast, clearReply: replyId is null, cancellationToken);
    }

    /// <summary>Resolves, marks as spam or takes the selected threads, each at its version now; says how many it could.</summary>
    [Authorize(Policy = Policies.Moderate)]
    public async Task<IActionResult> OnPostBulkAsync(Guid[]? ids, string? bulk, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        var me = User.UserId();
        var selected = (ids ?? []).Distinct().Take(InboxQuery.MaxPageSize).ToList();
        var done = 0;
        foreach (var threadId in selected)
        {
            if (await board.FindAsync(workspaceId, threadId, cancellationToken) is not { } thread)
            {
                continue;
            }

            try
            {
                await (bulk switch
                {
                    "resolve" => actions.SetStatusAsync(workspaceId, threadId, thread.Version, InboxStatus.Resolved, me, cancellationToken),
                    "spam" => actions.SetStatusAsync(workspaceId, threadId, thread.Version, InboxStatus.Spam, me, cancellationToken),
                    "assign-me" => actions.AssignAsync(workspaceId, threadId, thread.Version, me, me, cancellationToken),
                    _ => throw new InboxActionException("Choose resolve, spam or assign to me."),
                });
                done++;
            }
            catch (InboxThreadChangedException)
            {
                // Someone acted on it at this very moment: it is left as they made it, and counted as not done.
            }
            catch (InboxActionException e)
            {
                return Partial("/Pages/Shared/_Toast.cshtml", new Toast(e.Message, Toast.Error));
            }
        }

        var message = selected.Count == 0 ? "Select threads first." : $"{done} of {selected.Count} threads done.";
        return Partial("/Pages/Shared/_Toast.cshtml", new Toast(message, done == selected.Count && done > 0 ? Toast.Success : Toast.Info));
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<long>> act, string done, CancellationToken cancellationToken)
    {
        try
        {
            await act();
        }
        catch (Exception e) when (e is InboxThreadChangedException or InboxActionException)
        {
            return await AnswerAsync(id, Notice(e), null, clearReply: false, cancellationToken);
        }

        return await AnswerAsync(id, null, new Toast(done, Toast.Success), clearReply: false, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, InboxNotice? notice, Toast? toast, bool clearReply, CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        var panel = await reader.PanelAsync(workspaceId, id, mayModerate: true, cancellationToken);
        if (panel is null)
        {
            return NotFound();
        }

        var row = await reader.RowAsync(workspaceId, id, mayModerate: true, cancellationToken);
        return Partial("_ActionAnswer", new InboxActionAnswer(panel with { Notice = notice }, row, toast, clearReply));
    }

    private static InboxNotice Notice(Exception e) => e switch
    {
        InboxThreadChangedException changed => new InboxNotice("Not done: the thread changed since you looked. Here it is as it is now; do it again if it still needs doing.", changed.Changes),
        _ => InboxNotice.Refused(e.Message),
    };
}
