using Extensible.EventStore;

namespace Extensible.Inbox;

/// <summary>The inbox's event aliases: stable names in the event log, whatever the types are called.</summary>
internal static class InboxEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register("inbox_item_received", InboxJsonContext.Default.InboxItemReceived)
        .Register("inbox_thread_status_changed", InboxJsonContext.Default.InboxThreadStatusChanged)
        .Register("inbox_thread_assigned", InboxJsonContext.Default.InboxThreadAssigned)
        .Register("inbox_thread_labelled", InboxJsonContext.Default.InboxThreadLabelled)
        .Register("inbox_thread_prioritized", InboxJsonContext.Default.InboxThreadPrioritized)
        .Register("inbox_thread_escalated", InboxJsonContext.Default.InboxThreadEscalated)
        .Register("inbox_reply_sent", InboxJsonContext.Default.InboxReplySent)
        .Register("inbox_reply_failed", InboxJsonContext.Default.InboxReplyFailed)
        .Register("inbox_item_hidden", InboxJsonContext.Default.InboxItemHidden)
        .Register("inbox_item_deleted", InboxJsonContext.Default.InboxItemDeleted)
        .Register("inbox_delivery_failed", InboxJsonContext.Default.InboxDeliveryFailed)
        .Register("inbox_item_liked", InboxJsonContext.Default.InboxItemLiked)
        .Register("inbox_item_unliked", InboxJsonContext.Default.InboxItemUnliked)
        .Register("inbox_delivery_replayed", InboxJsonContext.Default.InboxDeliveryReplayed)
        .Register("inbox_delivery_replay_failed", InboxJsonContext.Default.InboxDeliveryReplayFailed)
        .Register("inbox_delivery_dismissed", InboxJsonContext.Default.InboxDeliveryDismissed)
        .Register("inbox_reply_deleted", InboxJsonContext.Default.InboxReplyDeleted)
        .Register("inbox_item_sentiment_set", InboxJsonContext.Default.InboxItemSentimentSet);
}
