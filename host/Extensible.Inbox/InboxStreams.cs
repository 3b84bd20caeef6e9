using System.Security.Cryptography;
using System.Text;

namespace Extensible.Inbox;

/// <summary>The inbox's stream names and the ids that follow from what a network said: the one place they are built.</summary>
public static class InboxStreams
{
    /// <summary>A thread: its items as they arrive, and everything moderators did with it.</summary>
    public static string Thread(Guid threadId) => $"inbox-thread-{threadId}";

    /// <summary>Webhook deliveries of an account that could not be read, kept for an operator.</summary>
    public static string Deliveries(Guid accountId) => $"inbox-deliveries-{accountId}";

    /// <summary>A workspace's business hours and response targets.</summary>
    public static string BusinessHours(Guid workspaceId) => $"inbox-business-hours-{workspaceId}";

    /// <summary>A saved reply of a workspace's library: created, edited, deleted.</summary>
    public static string SavedReply(Guid savedReplyId) => $"inbox-saved-reply-{savedReplyId}";

    /// <summary>
    /// The thread an item belongs to, the same on every node and every delivery: a comment joins its post's thread, a
    /// direct message its conversation, a mention or a review its own.
    /// </summary>
    public static Guid ThreadIdFor(Guid accountId, string threadKey) => IdOf("inbox-thread", accountId, threadKey);

    /// <summary>The id of the event that records an item: the same for every delivery of the item, so it is stored once.</summary>
    public static Guid ItemEventIdFor(Guid accountId, string platformItemId) => IdOf("inbox-item", accountId, platformItemId);

    private static Guid IdOf(string kind, Guid accountId, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{accountId:N}\n{key}"), hash);
        var bytes = hash[..16];
        // A name-based (version 8, RFC 9562) UUID: stable, and never taken for a random or time-ordered one.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
