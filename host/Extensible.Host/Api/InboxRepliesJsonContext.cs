using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>Source-generated JSON metadata of the inbox's likes and saved replies (camelCase on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InboxItemLikeResponse))]
[JsonSerializable(typeof(SavedReplyResponse))]
[JsonSerializable(typeof(IReadOnlyList<SavedReplyResponse>))]
[JsonSerializable(typeof(SavedReplyRequest))]
[JsonSerializable(typeof(FilledReplyResponse))]
internal sealed partial class InboxRepliesJsonContext : JsonSerializerContext;
