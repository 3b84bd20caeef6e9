using System.Text.Json.Serialization;

namespace Extensible.Inbox.Sla;

// Stored in the event log and the read model alike; reading takes both cases.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(InboxBusinessHoursChanged))]
[JsonSerializable(typeof(BusinessHours))]
[JsonSerializable(typeof(InboxSlaProjection.Measure))]
internal sealed partial class InboxSlaJsonContext : JsonSerializerContext;
