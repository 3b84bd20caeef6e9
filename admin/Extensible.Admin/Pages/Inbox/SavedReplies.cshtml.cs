using Extensible.Admin.Shell;
using Extensible.Inbox.SavedReplies;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// The workspace's saved replies (<c>/inbox/saved-replies</c>): moderators add, change and delete them; the reply box's
/// picker inserts them filled for a thread. Forms work with htmx (the list is swapped in place) and without.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class SavedRepliesModel(SavedReplyLibrary library) : RoomPageModel(ConsoleRooms.Inbox)
{
    /// <summary>The saved replies by name.</summary>
    public IReadOnlyList<SavedReply> Replies { get; private set; } = [];

    /// <summary>What was just done, or null.</summary>
    public string? Done { get; private set; }

    /// <summary>The form that was refused (<see cref="Guid.Empty"/> for the new one), or null.</summary>
    public Guid? RefusedForm { get; private set; }

    /// <summary>Why it was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the refused form held, to show it again.</summary>
    public (string? Name, string? Shortcut, string? Text) Entered { get; private set; }

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Replies = await library.ListAsync(User.WorkspaceId(), cancellationToken);

    /// <summary>Adds one.</summary>
    public Task<IActionResult> OnPostCreateAsync(string? name, string? shortcut, string? text, CancellationToken cancellationToken) =>
        RunAsync(Guid.Empty, (name, shortcut, text), async () =>
        {
            await library.CreateAsync(User.WorkspaceId(), name, text, shortcut, User.UserId(), cancellationToken);
            return $"Saved \"{name?.Trim()}\".";
        }, cancellationToken);

    /// <summary>Changes one, if nobody saved it since the version shown.</summary>
    public Task<IActionResult> OnPostEditAsync(Guid id, long version, string? name, string? shortcut, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, (name, shortcut, text), async () =>
            await library.EditAsync(User.WorkspaceId(), id, name, text, shortcut, version, User.UserId(), cancellationToken)
                ? $"Saved \"{name?.Trim()}\"."
                : "That saved reply was deleted meanwhile.", cancellationToken);

    /// <summary>Deletes one.</summary>
    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, default, async () =>
            await library.DeleteAsync(User.WorkspaceId(), id, User.UserId(), cancellationToken) ? "Deleted." : "It was deleted already.", cancellationToken);

    private async Task<IActionResult> RunAsync(Guid form, (string?, string?, string?) entered, Func<Task<string>> act, CancellationToken cancellationToken)
    {
        try
        {
            Done = await act();
        }
        catch (Exception e) when (e is SavedReplyException or SavedReplyChangedException)
        {
            (RefusedForm, Problem, Entered) = (form, e.Message, entered);
        }

        Replies = await library.ListAsync(User.WorkspaceId(), cancellationToken);
        return Page();
    }
}
