using System.Text.Json.Serialization;
using Extensible.Plugins.Sandbox.Webhooks;

namespace Extensible.Plugins.Sandbox.Storage;

/// <summary>The plugin's own serializer context: the host never serializes plugin types (that would pin the load context).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SandboxPost))]
[JsonSerializable(typeof(List<SandboxPostEntry>))]
[JsonSerializable(typeof(SandboxReply))]
[JsonSerializable(typeof(SandboxLike))]
[JsonSerializable(typeof(SandboxWebhookPayload))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SandboxJson : JsonSerializerContext;
