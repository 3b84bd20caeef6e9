using System.Text.Json.Serialization;

namespace Extensible.Inbox.SavedReplies;

// Marten stores events with their declared (PascalCase) names; reading takes both cases.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SavedReplyCreated))]
[JsonSerializable(typeof(SavedReplyEdited))]
[JsonSerializable(typeof(SavedReplyDeleted))]
internal sealed partial class SavedRepliesJsonContext : JsonSerializerContext;
