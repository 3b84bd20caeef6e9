using System.Text.Json.Serialization;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;

namespace Extensible.Publishing;

// Marten stores events with their declared (PascalCase) names; the read model's JSON is camelCase: reading takes both.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AccountConnected))]
[JsonSerializable(typeof(AccountReconnected))]
[JsonSerializable(typeof(AccountCredentialsRefreshed))]
[JsonSerializable(typeof(AccountNeedsReconnect))]
[JsonSerializable(typeof(AccountPauseChanged))]
[JsonSerializable(typeof(AccountDisconnected))]
[JsonSerializable(typeof(PostDrafted))]
[JsonSerializable(typeof(PostEdited))]
[JsonSerializable(typeof(PostScheduled))]
[JsonSerializable(typeof(PostRescheduled))]
[JsonSerializable(typeof(PostUnscheduled))]
[JsonSerializable(typeof(PostDiscarded))]
[JsonSerializable(typeof(TargetPublishStarted))]
[JsonSerializable(typeof(TargetPublished))]
[JsonSerializable(typeof(TargetFailed))]
[JsonSerializable(typeof(TargetRetried))]
[JsonSerializable(typeof(TargetNeedsDecision))]
[JsonSerializable(typeof(TargetMarkedSent))]
[JsonSerializable(typeof(TargetDropped))]
[JsonSerializable(typeof(TargetDeleted))]
[JsonSerializable(typeof(MediaUploaded))]
[JsonSerializable(typeof(MediaAltTextChanged))]
[JsonSerializable(typeof(MediaDeleted))]
[JsonSerializable(typeof(WorkspaceTimeZoneChanged))]
[JsonSerializable(typeof(NetworkAppCredentialsChanged))]
[JsonSerializable(typeof(PostContentDraft))]
[JsonSerializable(typeof(PersonTimeZoneChanged))]
internal sealed partial class PublishingJsonContext : JsonSerializerContext;
