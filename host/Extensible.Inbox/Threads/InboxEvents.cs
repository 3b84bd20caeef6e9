using Extensible.Sdk.Connectors;

namespace Extensible.Inbox.Threads;

/// <summary>Who wrote an inbox item, as the network described them (text from the public: always encoded when shown).</summary>
public sealed record InboxAuthorSnapshot(string PlatformUserId, string Handle, string? DisplayName, string? ProfileUrl, long? Followers, bool IsVerified);

/// <summary>
/// A comment, mention, review or direct message arrived from a network (by webhook or poll) and joined its thread.
/// Recorded under an id that follows from the account and the network's item id, so a second delivery is not stored again.
/// <see cref="Sentiment"/> is the network's or connector's (<see cref="InboxSentiment"/>), when it said; events recorded
/// before sentiment existed have none.
/// </summary>
public sealed record InboxItemReceived(
    Guid ThreadId, Guid WorkspaceId, Guid AccountId, string PlatformKey, string ThreadKey, InboxItemKind Kind, string PlatformItemId,
    InboxAuthorSnapshot Author, string Text, DateTimeOffset CreatedAt, string? ParentItemId, string? PlatformPostId, string? ConversationId,
    string? Url, string? Language, string Source, string? Sentiment = null);

/// <summary>A moderator moved a thread to another status (<see cref="InboxStatus"/>).</summary>
public sealed record InboxThreadStatusChanged(Guid ThreadId, Guid WorkspaceId, string Status, Guid By);

/// <summary>A moderator gave a thread to someone, or to no one.</summary>
public sealed record InboxThreadAssigned(Guid ThreadId, Guid WorkspaceId, Guid? AssigneeId, Guid By);

/// <summary>A moderator set a thread's labels.</summary>
public sealed record InboxThreadLabelled(Guid ThreadId, Guid WorkspaceId, IReadOnlyList<string> Labels, Guid By);

/// <summary>A moderator set a thread's priority (<see cref="InboxPriority"/>).</summary>
public sealed record InboxThreadPrioritized(Guid ThreadId, Guid WorkspaceId, string Priority, Guid By);

/// <summary>A moderator escalated a thread with a note for whoever takes it up.</summary>
public sealed record InboxThreadEscalated(Guid ThreadId, Guid WorkspaceId, string Note, Guid By);

/// <summary>A reply went out on the network.</summary>
public sealed record InboxReplySent(Guid ThreadId, Guid WorkspaceId, Guid ReplyId, string ToItemId, string Text, string PlatformReplyId, Guid By);

/// <summary>The network refused a reply, or could not be reached: the reply stays visible as failed and can be sent again.</summary>
public sealed record InboxReplyFailed(Guid ThreadId, Guid WorkspaceId, Guid ReplyId, string ToItemId, string Text, PlatformFailure Failure, string Message, Guid By);

/// <summary>
/// A reply the account sent (<see cref="InboxReplySent"/>) was deleted on the network by a moderator: the thread keeps it,
/// marked deleted.
/// </summary>
public sealed record InboxReplyDeleted(Guid ThreadId, Guid WorkspaceId, Guid ReplyId, string PlatformReplyId, Guid By);

/// <summary>An item was hidden on the network, or shown again.</summary>
public sealed record InboxItemHidden(Guid ThreadId, Guid WorkspaceId, string PlatformItemId, bool Hidden, Guid By);

/// <summary>An item was deleted on the network.</summary>
public sealed record InboxItemDeleted(Guid ThreadId, Guid WorkspaceId, string PlatformItemId, Guid By);

/// <summary>A moderator set an item's sentiment (<see cref="InboxSentiment"/>) by hand, correcting the network's or giving one it lacked.</summary>
public sealed record InboxItemSentimentSet(Guid ThreadId, Guid WorkspaceId, string PlatformItemId, string Sentiment, Guid By);

/// <summary>The account liked an item on the network.</summary>
public sealed record InboxItemLiked(Guid ThreadId, Guid WorkspaceId, string PlatformItemId, Guid By);

/// <summary>The account took its like of an item back on the network.</summary>
public sealed record InboxItemUnliked(Guid ThreadId, Guid WorkspaceId, string PlatformItemId, Guid By);

/// <summary>
/// A webhook delivery passed the connector's signature check but could not be read: kept with the connector's reason (and
/// the body, cut to a size) for an operator to see, and with the request as it came (<see cref="Raw"/>, within the webhook
/// body cap) so an operator can replay it once the cause is fixed. Deliveries kept before replay existed have no request.
/// </summary>
/// <param name="AccountId">The account whose hook received it.</param>
/// <param name="WorkspaceId">The account's workspace.</param>
/// <param name="PluginId">The plugin whose connector read it.</param>
/// <param name="Reason">Why it could not be read.</param>
/// <param name="Body">The body as text, cut to <c>InboxWebhooks.KeptBodyLength</c> characters, for showing.</param>
/// <param name="BodyCut">Whether <paramref name="Body"/> was cut.</param>
/// <param name="Method">The request's method.</param>
/// <param name="Query">The request's query parameters.</param>
/// <param name="Headers">The request's headers (names lower-case; cookies left out), which carry the signature.</param>
/// <param name="Raw">The body's exact bytes, base64, as the signature was computed over them.</param>
public sealed record InboxDeliveryFailed(
    Guid AccountId, Guid WorkspaceId, string PluginId, string Reason, string Body, bool BodyCut, string? Method = null,
    IReadOnlyDictionary<string, string>? Query = null, IReadOnlyDictionary<string, string>? Headers = null, string? Raw = null);
