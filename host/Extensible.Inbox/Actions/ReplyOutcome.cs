namespace Extensible.Inbox.Actions;

/// <summary>How a reply went: sent (with the network's id) or failed (with the network's message; it can be sent again with the same id).</summary>
/// <param name="ReplyId">The reply's id: send again with it to replace a failed reply.</param>
/// <param name="Sent">Whether the network took it.</param>
/// <param name="PlatformReplyId">The network's id of the reply, when sent.</param>
/// <param name="Message">The network's message, when it failed.</param>
/// <param name="Version">The thread's version after the reply was recorded.</param>
public sealed record ReplyOutcome(Guid ReplyId, bool Sent, string? PlatformReplyId, string? Message, long Version);
