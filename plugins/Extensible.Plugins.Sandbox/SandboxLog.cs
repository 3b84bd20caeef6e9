using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Sandbox;

/// <summary>The sandbox's log messages.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sandbox account {AccountId} connected as {Handle}")]
    public static partial void AccountConnected(this ILogger logger, string accountId, string handle);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sandbox post {PostId} published for account {AccountId}")]
    public static partial void PostPublished(this ILogger logger, string postId, string accountId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Sandbox publish retried with a known idempotency key; answering with post {PostId}")]
    public static partial void PublishReplayed(this ILogger logger, string postId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Sandbox post {PostId} deleted")]
    public static partial void PostDeleted(this ILogger logger, string postId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Sandbox simulated a {Failure} failure of {Operation}")]
    public static partial void FailureSimulated(this ILogger logger, string failure, string operation);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Sandbox inbox of {AccountId} gave {Count} items up to item {NextIndex}")]
    public static partial void InboxPolled(this ILogger logger, string accountId, int count, long nextIndex);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Sandbox webhook rejected: {Reason}")]
    public static partial void WebhookRejected(this ILogger logger, string reason);
}
