using System.Text.Json.Serialization;

namespace Extensible.EventStore;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class EventStoreJsonContext : JsonSerializerContext;
