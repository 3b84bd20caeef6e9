using Extensible.Inbox.Threads;
using Extensible.People;
using Extensible.Publishing.Accounts;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// Reads what the Inbox room shows — rows and thread panels with the names of accounts and people filled in — for the page
/// and for the live pushes alike, so both render from the same models.
/// </summary>
public sealed class InboxRoomReader(InboxBoard board, AccountDirectory accounts, PeopleDirectory people)
{
    /// <summary>The rows of <paramref name="threads"/>.</summary>
    public async Task<IReadOnlyList<InboxRow>> RowsAsync(Guid workspaceId, IReadOnlyList<InboxThreadRow> threads, bool mayModerate, CancellationToken cancellationToken)
    {
        var handles = await HandlesAsync(workspaceId, cancellationToken);
        var names = (await people.MembersAsync(workspaceId, cancellationToken)).ToDictionary(m => m.UserId, m => m.DisplayName);
        return [.. threads.Select(t => new InboxRow(t, handles.GetValueOrDefault(t.AccountId, t.PlatformKey),
            t.AssigneeId is { } a ? names.GetValueOrDefault(a, "a former member") : null, mayModerate))];
    }

    /// <summary>The rows of the workspace's threads among <paramref name="threadIds"/>, oldest activity first (as a live push files them).</summary>
    public async Task<IReadOnlyList<InboxRow>> RowsAsync(Guid workspaceId, IReadOnlyCollection<Guid> threadIds, bool mayModerate, CancellationToken cancellationToken) =>
        await board.FindManyAsync(workspaceId, threadIds, cancellationToken) is { Count: > 0 } threads
            ? await RowsAsync(workspaceId, threads, mayModerate, cancellationToken)
            : [];

    /// <summary>One thread's row, or null when the workspace has no such thread.</summary>
    public async Task<InboxRow?> RowAsync(Guid workspaceId, Guid threadId, bool mayModerate, CancellationToken cancellationToken) =>
        await board.FindAsync(workspaceId, threadId, cancellationToken) is { } thread
            ? (await RowsAsync(workspaceId, [thread], mayModerate, cancellationToken))[0]
            : null;

    /// <summary>One thread's panel, or null when the workspace has no such thread.</summary>
    public async Task<InboxThreadPanel?> PanelAsync(Guid workspaceId, Guid threadId, bool mayModerate, CancellationToken cancellationToken)
    {
        if (await board.ThreadAsync(workspaceId, threadId, cancellationToken) is not { } view)
        {
            return null;
        }

        var author = view.Items.FirstOrDefault(i => i.Direction == "in" && i.AuthorId is not null)?.AuthorId;
        var history = author is null ? [] : await board.AuthorHistoryAsync(workspaceId, view.Thread.AccountId, author, threadId, cancellationToken: cancellationToken);
        var handles = await HandlesAsync(workspaceId, cancellationToken);
        var members = await people.MembersAsync(workspaceId, cancellationToken);
        return new InboxThreadPanel(view, handles.GetValueOrDefault(view.Thread.AccountId, view.Thread.PlatformKey), members, history, mayModerate);
    }

    /// <summary>The workspace's accounts (disconnected ones too: their threads stay), for the filter and the rows.</summary>
    public Task<IReadOnlyList<AccountRecord>> AccountsAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        accounts.ListAsync(workspaceId, includeDisconnected: true, cancellationToken);

    private async Task<Dictionary<Guid, string>> HandlesAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        (await AccountsAsync(workspaceId, cancellationToken)).ToDictionary(a => a.Id, a => a.Handle);
}
