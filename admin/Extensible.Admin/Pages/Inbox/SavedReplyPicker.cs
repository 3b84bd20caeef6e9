using Extensible.Inbox.SavedReplies;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>The reply box's picker: the workspace's saved replies, each filled for the open thread.</summary>
/// <param name="ThreadId">The thread the reply is for.</param>
/// <param name="Replies">Each saved reply with its text filled in (strangers' names among it: encoded when rendered).</param>
public sealed record SavedReplyPicker(Guid ThreadId, IReadOnlyList<(SavedReply Reply, FilledReply Filled)> Replies)
{
    /// <summary>The id the picker's parts are named after.</summary>
    public string Key => ThreadId.ToString("N");
}
