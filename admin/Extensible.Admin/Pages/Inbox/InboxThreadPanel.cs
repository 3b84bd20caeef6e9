using Extensible.Inbox.Threads;
using Extensible.People;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// One open thread beside the list: its state, its conversation, the author's earlier threads and, for moderators, the
/// actions. The state and the conversation are the parts live pushes replace; the forms are never replaced by a push, so a
/// half-typed reply survives.
/// </summary>
/// <param name="View">The thread and its items.</param>
/// <param name="Account">The handle of the account it came to.</param>
/// <param name="Members">The workspace's members, for the assignee choice and names.</param>
/// <param name="History">The author's other threads with the account, newest first.</param>
/// <param name="MayModerate">Whether the viewer may act (the forms are rendered only then).</param>
public sealed record InboxThreadPanel(
    InboxThreadView View, string Account, IReadOnlyList<MemberRecord> Members, IReadOnlyList<InboxThreadRow> History, bool MayModerate)
{
    /// <summary>What the last action of this viewer ran into, or null.</summary>
    public InboxNotice? Notice { get; init; }

    /// <summary>The thread's times in business time against the workspace's targets (read with the panel), or null.</summary>
    public Extensible.Inbox.Sla.InboxThreadSla? Sla { get; init; }

    /// <summary>What the account's network lets moderators do (likes are offered only where it takes them).</summary>
    public Extensible.Sdk.Connectors.PlatformFeatures Features { get; init; }

    /// <summary>Whether items can be liked on the account's network.</summary>
    public bool CanLike => Features.HasFlag(Extensible.Sdk.Connectors.PlatformFeatures.Like);

    /// <summary>Whether the account may delete its own posts on the network, and so the replies it sent from here.</summary>
    public bool CanDeleteReplies => Features.HasFlag(Extensible.Sdk.Connectors.PlatformFeatures.DeletePost);

    /// <summary>The reply text to put back in the reply box (after a conflict), or null.</summary>
    public string? ReplyDraft { get; init; }

    /// <summary>The thread.</summary>
    public InboxThreadRow Thread => View.Thread;

    /// <summary>The id the panel's parts are named after.</summary>
    public string Key => Thread.Id.ToString("N");

    /// <summary>The live view whose pushes this panel takes: moderators' and readers' renderings differ.</summary>
    public string LiveView => ThreadView(Thread.Id, MayModerate);

    /// <summary>Who the thread is given to, by name, or null.</summary>
    public string? AssigneeName => Thread.AssigneeId is { } id ? NameOf(id) : null;

    /// <summary>The person's name, or "a former member".</summary>
    public string NameOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "a former member";

    /// <summary>The author's profile address from the newest item that has one, if it is a web page.</summary>
    public Uri? AuthorLink => View.Items.Where(i => i.Direction == "in").Select(i => InboxText.WebLink(i.AuthorUrl)).LastOrDefault(u => u is not null);

    /// <summary>How long the first answer took, or null before one.</summary>
    public TimeSpan? FirstResponse => Thread.FirstResponseAt is { } at ? at - Thread.FirstItemAt : null;

    /// <summary>How long the thread took to be resolved, or null while it is not.</summary>
    public TimeSpan? Resolution => Thread is { Status: InboxStatus.Resolved, ResolvedAt: { } at } ? at - Thread.FirstItemAt : null;

    /// <summary>Both renderings of a thread: for moderators, then for readers.</summary>
    public static IReadOnlyList<bool> Renderings { get; } = [true, false];

    /// <summary>The live view of thread <paramref name="threadId"/>: <c>inbox-{id}</c> for moderators, <c>inbox-{id}-read</c> for readers.</summary>
    public static string ThreadView(Guid threadId, bool mayModerate) => mayModerate ? $"inbox-{threadId:N}" : $"inbox-{threadId:N}-read";
}
