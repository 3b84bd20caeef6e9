using Extensible.Inbox.Threads;

namespace Extensible.Inbox.Actions;

// Correcting an item's sentiment: the moderator's judgement, recorded only here (networks are not told).
public sealed partial class InboxActions
{
    /// <summary>
    /// Sets the sentiment (<see cref="InboxSentiment.All"/>) of an item from the public (by default the thread's newest),
    /// replacing the network's, or clears it (<see cref="InboxSentiment.Unknown"/>): the thread's sentiment follows its
    /// newest item that has one.
    /// </summary>
    public async Task<long> SetSentimentAsync(
        Guid workspaceId, Guid threadId, long expectedVersion, string? itemId, string sentiment, Guid by, CancellationToken cancellationToken = default)
    {
        if (!InboxSentiment.IsSettable(sentiment))
        {
            throw new InboxActionException(InboxSentiment.SettableMessage);
        }

        var (_, item) = await TargetAsync(workspaceId, threadId, expectedVersion, itemId, cancellationToken);
        return await AppendAsync(workspaceId, threadId, expectedVersion, new InboxItemSentimentSet(threadId, workspaceId, item.PlatformItemId!, sentiment, by), by, cancellationToken);
    }
}
