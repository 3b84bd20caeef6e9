using Extensible.Inbox.Threads;
using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Actions;

// Liking an item on the network: like hiding, checked against the version before the call and recorded after it.
public sealed partial class InboxActions
{
    /// <summary>
    /// Likes an item from the public on the network as the thread's account, or takes the like back. A refusal by the network
    /// is thrown with its message (<see cref="InboxActionException"/>) and nothing is recorded.
    /// </summary>
    public async Task<long> SetLikedAsync(Guid workspaceId, Guid threadId, long expectedVersion, string? itemId, bool liked, Guid by, CancellationToken cancellationToken = default)
    {
        var (view, item) = await TargetAsync(workspaceId, threadId, expectedVersion, itemId, cancellationToken);
        if (item.Deleted)
        {
            throw new InboxActionException("The item was deleted on the network; there is nothing left to like.");
        }

        var (credentials, connector) = await OpenAsync(view.Thread, PlatformFeatures.Like, "liking items", cancellationToken);
        var reference = new InboxItemReference(item.PlatformItemId!, InboxKinds.Parse(item.Kind), item.ConversationId);
        await NetworkAsync(() => connector.CallAsync(liked ? "like" : "unlike", async (c, t) =>
        {
            await c.SetLikedAsync(credentials, reference, liked, t);
            return true;
        }, cancellationToken));
        object change = liked
            ? new InboxItemLiked(threadId, workspaceId, item.PlatformItemId!, by)
            : new InboxItemUnliked(threadId, workspaceId, item.PlatformItemId!, by);
        return await RecordAsync(workspaceId, threadId, change, by, cancellationToken);
    }
}
