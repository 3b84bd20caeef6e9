using Extensible.Admin.Live;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>
/// What an action answers: the thread's live parts as they are now (out of band, as a push would bring them), its row, a
/// notice in the panel when the action did not go through, a toast when it did.
/// </summary>
/// <param name="Panel">The thread now, or null when it is gone.</param>
/// <param name="Row">Its row now, or null.</param>
/// <param name="Toast">A toast, or null.</param>
/// <param name="ClearReply">Whether the reply box is emptied (the reply went out, or was recorded as failed).</param>
public sealed record InboxActionAnswer(InboxThreadPanel? Panel, InboxRow? Row, Toast? Toast, bool ClearReply = false);
