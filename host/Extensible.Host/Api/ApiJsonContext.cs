using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>Source-generated JSON metadata of the API's requests and responses (camelCase on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(IReadOnlyList<WorkspaceResponse>))]
[JsonSerializable(typeof(WorkspaceResponse))]
[JsonSerializable(typeof(CreateWorkspaceRequest))]
[JsonSerializable(typeof(IReadOnlyList<MemberResponse>))]
[JsonSerializable(typeof(MemberResponse))]
[JsonSerializable(typeof(InvitationRequest))]
[JsonSerializable(typeof(InvitationResponse))]
[JsonSerializable(typeof(RoleChangeRequest))]
[JsonSerializable(typeof(IReadOnlyList<TokenResponse>))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreatedTokenResponse))]
[JsonSerializable(typeof(AuditPageResponse))]
[JsonSerializable(typeof(IReadOnlyList<SessionResponse>))]
[JsonSerializable(typeof(PasswordResetResponse))]
[JsonSerializable(typeof(IReadOnlyList<PluginResponse>))]
[JsonSerializable(typeof(PluginResponse))]
[JsonSerializable(typeof(PluginSettingsResponse))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(IReadOnlyList<OperatorResponse>))]
[JsonSerializable(typeof(NameOperatorRequest))]
[JsonSerializable(typeof(IReadOnlyList<MediaResponse>))]
[JsonSerializable(typeof(MediaResponse))]
[JsonSerializable(typeof(MediaUploadResponse))]
[JsonSerializable(typeof(MediaAltTextRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
