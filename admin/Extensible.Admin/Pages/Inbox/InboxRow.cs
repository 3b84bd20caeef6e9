using Extensible.Inbox.Threads;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>One thread's row in the list, as the page renders it and the live push sends it.</summary>
/// <param name="Thread">The thread.</param>
/// <param name="Account">The handle of the account it came to.</param>
/// <param name="AssigneeName">Who it is given to, or null.</param>
/// <param name="MayModerate">Whether the row carries a checkbox for the bulk actions.</param>
public sealed record InboxRow(InboxThreadRow Thread, string Account, string? AssigneeName, bool MayModerate)
{
    /// <summary>The row's element id, the same in the page and in every push.</summary>
    public string ElementId => RowId(Thread.Id);

    /// <summary>The element id of <paramref name="threadId"/>'s row.</summary>
    public static string RowId(Guid threadId) => $"inbox-row-{threadId:N}";
}
