using Extensible.Inbox.Threads;
using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Actions;

// Deleting a reply the account sent: the network deletes its own post (DeletePost), which networks allow where they let
// no one delete the public's items. Checked against the version before the call and recorded after it, like hiding.
public sealed partial class InboxActions
{
    /// <summary>
    /// Deletes on the network a reply sent from the inbox (<paramref name="replyId"/>, its <see cref="ReplyOutcome.ReplyId"/>);
    /// the thread keeps it, marked deleted. A reply that never went out, or is deleted already, is refused
    /// (<see cref="InboxActionException"/>), as is a refusal by the network, with its message; nothing is recorded then.
    /// </summary>
    public async Task<long> DeleteReplyAsync(Guid workspaceId, Guid threadId, long expectedVersion, Guid replyId, Guid by, CancellationToken cancellationToken = default)
    {
        var view = await ThreadAtAsync(workspaceId, threadId, expectedVersion, cancellationToken);
        // The network's id of the reply is in the stream only (the read model keeps our replies under our own id).
        var platformReplyId = await SentReplyAsync(workspaceId, threadId, replyId, cancellationToken);
        var (credentials, connector) = await OpenAsync(view.Thread, PlatformFeatures.DeletePost, "deleting replies", cancellationToken);
        await NetworkAsync(() => connector.CallAsync("delete reply", async (c, t) =>
        {
            await c.DeletePostAsync(credentials, platformReplyId, t);
            return true;
        }, cancellationToken));
        return await RecordAsync(workspaceId, threadId, new InboxReplyDeleted(threadId, workspaceId, replyId, platformReplyId, by), by, cancellationToken);
    }

    // The reply as its events leave it: sent (its network id), or why it cannot be deleted.
    private async Task<string> SentReplyAsync(Guid workspaceId, Guid threadId, Guid replyId, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(InboxStreams.Thread(threadId), tenant: workspaceId.ToString(), cancellationToken: cancellationToken);
        var last = events.Select(e => e.Data).LastOrDefault(data => data switch
        {
            InboxReplySent s => s.ReplyId == replyId,
            InboxReplyFailed f => f.ReplyId == replyId,
            InboxReplyDeleted x => x.ReplyId == replyId,
            _ => false,
        });
        return last switch
        {
            InboxReplySent s => s.PlatformReplyId,
            InboxReplyFailed => throw new InboxActionException("The reply never went out (the network refused it): there is nothing to delete on the network."),
            InboxReplyDeleted => throw new InboxActionException("The reply was deleted on the network already."),
            _ => throw new InboxActionException("The thread has no such reply."),
        };
    }
}
