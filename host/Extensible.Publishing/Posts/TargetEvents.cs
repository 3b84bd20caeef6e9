using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Posts;

/// <summary>
/// The publisher is about to call the network for one target. Recorded before the call, with the key the network gets,
/// so after a crash the target is reconciled by that key, never blindly sent again.
/// </summary>
public sealed record TargetPublishStarted(Guid PostId, Guid WorkspaceId, Guid AccountId, string IdempotencyKey, int Attempt, string Node);

/// <summary>The network took the post.</summary>
public sealed record TargetPublished(
    Guid PostId, Guid WorkspaceId, Guid AccountId, string PlatformPostId, string? Url, IReadOnlyList<string> ThreadPostIds, string? FirstCommentId,
    string? RawResponse);

/// <summary>
/// A publish failed. <paramref name="RetryAt"/> is set when the publisher will try again by itself (retryable with back-off,
/// rate-limited after the network's retry-after); otherwise the target stays failed until a person acts.
/// </summary>
public sealed record TargetFailed(
    Guid PostId, Guid WorkspaceId, Guid AccountId, PlatformFailure Failure, string Message, string? PlatformMessage, int? StatusCode, int Attempt,
    DateTimeOffset? RetryAt);

/// <summary>A person (or the API) asked for a failed target to be sent again.</summary>
public sealed record TargetRetried(Guid PostId, Guid WorkspaceId, Guid AccountId, Guid By);

/// <summary>
/// After a crash the publisher could not tell whether the network took the post (the connector cannot look it up by
/// key): a person decides (send again, mark as sent, drop).
/// </summary>
public sealed record TargetNeedsDecision(Guid PostId, Guid WorkspaceId, Guid AccountId, string IdempotencyKey, string Reason);

/// <summary>A person said a target in doubt did go out (found it on the network).</summary>
public sealed record TargetMarkedSent(Guid PostId, Guid WorkspaceId, Guid AccountId, string? Url, Guid By);

/// <summary>A person dropped a target: it will not be sent.</summary>
public sealed record TargetDropped(Guid PostId, Guid WorkspaceId, Guid AccountId, Guid By);

/// <summary>A published target was deleted from the network.</summary>
public sealed record TargetDeleted(Guid PostId, Guid WorkspaceId, Guid AccountId, string PlatformPostId, Guid By);
