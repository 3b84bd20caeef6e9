using Microsoft.Extensions.Logging;

namespace Extensible.Inbox;

/// <summary>The inbox's log messages.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Webhook for account {AccountId}: {Items} items, {Stored} new")]
    public static partial void WebhookStored(ILogger logger, Guid accountId, int items, int stored);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook for account {AccountId} refused: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, Guid accountId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Webhook for account {AccountId} could not be read and was kept: {Reason}")]
    public static partial void WebhookKept(ILogger logger, Guid accountId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Webhook for account {AccountId} answered 503: the delivery could not be stored now")]
    public static partial void WebhookUnavailable(ILogger logger, Guid accountId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Polled account {AccountId}: {Items} items, {Stored} new")]
    public static partial void Polled(ILogger logger, Guid accountId, int items, int stored);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Polling account {AccountId} failed ({Failures} in a row); next try in {Delay}: {Reason}")]
    public static partial void PollFailed(ILogger logger, Guid accountId, int failures, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The inbox poller's round failed; it tries again in {Delay}")]
    public static partial void PollerFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Reply on thread {ThreadId} failed: {Message}")]
    public static partial void ReplyFailed(ILogger logger, Guid threadId, string message);
}
