using System.Text.Json.Serialization;
using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Publisher;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AccountCredentials))]
[JsonSerializable(typeof(PublishedPost))]
internal sealed partial class PublisherJsonContext : JsonSerializerContext;
