using System.Text.Json.Serialization;
using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Accounts;

// What the credentials protector encrypts: the connector's credentials and a workspace's app credentials.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountCredentials))]
[JsonSerializable(typeof(AppCredentials))]
internal sealed partial class AccountsJsonContext : JsonSerializerContext;
