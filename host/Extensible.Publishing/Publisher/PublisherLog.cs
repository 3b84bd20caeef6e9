using Microsoft.Extensions.Logging;

namespace Extensible.Publishing.Publisher;

/// <summary>The publisher's log messages.</summary>
internal static partial class PublisherLog
{
    [LoggerMessage(1, LogLevel.Information, "Publisher {Node} started.")]
    public static partial void Started(ILogger logger, string node);

    [LoggerMessage(2, LogLevel.Debug, "Claimed {Count} due targets in workspace {WorkspaceId}.")]
    public static partial void Claimed(ILogger logger, int count, Guid workspaceId);

    [LoggerMessage(3, LogLevel.Information, "Post {PostId} went out on account {AccountId}: {PlatformPostId}.")]
    public static partial void Published(ILogger logger, Guid postId, Guid accountId, string platformPostId);

    [LoggerMessage(4, LogLevel.Warning, "Post {PostId} failed on account {AccountId} ({Failure}, attempt {Attempt}): {Message}")]
    public static partial void Failed(ILogger logger, Guid postId, Guid accountId, string failure, int attempt, string message);

    [LoggerMessage(5, LogLevel.Warning, "Post {PostId} on account {AccountId} was left publishing by node {Node}: reconciling by its idempotency key.")]
    public static partial void Reconciling(ILogger logger, Guid postId, Guid accountId, string node);

    [LoggerMessage(6, LogLevel.Warning, "Post {PostId} on account {AccountId} needs a decision: {Reason}")]
    public static partial void NeedsDecision(ILogger logger, Guid postId, Guid accountId, string reason);

    [LoggerMessage(7, LogLevel.Error, "The publisher's loop failed; it goes on after {Delay}.")]
    public static partial void LoopFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "The outcome of post {PostId} on account {AccountId} could not be recorded yet; still trying (the target shows \"publishing\" until it is).")]
    public static partial void OutcomeLost(ILogger logger, Guid postId, Guid accountId, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Publishing post {PostId} on account {AccountId} failed on this server's side; it is retried.")]
    public static partial void CallFailed(ILogger logger, Guid postId, Guid accountId, Exception exception);
}
