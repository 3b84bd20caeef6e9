using System.Text.Json.Serialization;
using Extensible.Inbox.Deliveries;
using Extensible.Inbox.Threads;

namespace Extensible.Inbox;

// Marten stores events with their declared (PascalCase) names; reading takes both cases.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(InboxItemReceived))]
[JsonSerializable(typeof(InboxThreadStatusChanged))]
[JsonSerializable(typeof(InboxThreadAssigned))]
[JsonSerializable(typeof(InboxThreadLabelled))]
[JsonSerializable(typeof(InboxThreadPrioritized))]
[JsonSerializable(typeof(InboxThreadEscalated))]
[JsonSerializable(typeof(InboxReplySent))]
[JsonSerializable(typeof(InboxReplyFailed))]
[JsonSerializable(typeof(InboxItemHidden))]
[JsonSerializable(typeof(InboxItemDeleted))]
[JsonSerializable(typeof(InboxDeliveryFailed))]
[JsonSerializable(typeof(InboxItemLiked))]
[JsonSerializable(typeof(InboxItemUnliked))]
[JsonSerializable(typeof(InboxDeliveryReplayed))]
[JsonSerializable(typeof(InboxDeliveryReplayFailed))]
[JsonSerializable(typeof(InboxDeliveryDismissed))]
[JsonSerializable(typeof(InboxReplyDeleted))]
[JsonSerializable(typeof(InboxItemSentimentSet))]
internal sealed partial class InboxJsonContext : JsonSerializerContext;
