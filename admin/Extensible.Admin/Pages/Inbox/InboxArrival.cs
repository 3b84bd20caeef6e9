namespace Extensible.Admin.Pages.Inbox;

/// <summary>What one live push brings the Inbox room: rows, an open thread's live parts, or who is in a thread.</summary>
/// <param name="Rows">Threads' rows, oldest activity first (each is filed in turn, so the newest ends on top), or null.</param>
/// <param name="Panel">A thread's state and conversation, or null.</param>
/// <param name="Presence">Who has a thread open, or null.</param>
public sealed record InboxArrival(IReadOnlyList<InboxRow>? Rows = null, InboxThreadPanel? Panel = null, InboxPresenceView? Presence = null);
