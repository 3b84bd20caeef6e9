using System.Text.Json.Serialization;

namespace Extensible.Benchmarks.Inbox;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InboxItemReceived))]
internal sealed partial class InboxJsonContext : JsonSerializerContext;
