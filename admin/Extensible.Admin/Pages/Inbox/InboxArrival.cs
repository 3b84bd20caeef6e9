namespace Extensible.Admin.Pages.Inbox;

/// <summary>What one live push brings the Inbox room: a row, an open thread's live parts, or who is in a thread.</summary>
/// <param name="Row">A thread's row, or null.</param>
/// <param name="Panel">A thread's state and conversation, or null.</param>
/// <param name="Presence">Who has a thread open, or null.</param>
public sealed record InboxArrival(InboxRow? Row = null, InboxThreadPanel? Panel = null, InboxPresenceView? Presence = null);
