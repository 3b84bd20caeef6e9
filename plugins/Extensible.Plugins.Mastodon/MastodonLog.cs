using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Mastodon;

/// <summary>The Mastodon connector's log messages. Never tokens or secrets.</summary>
internal static partial class MastodonLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Mastodon app registered on {Instance}")]
    public static partial void AppRegistered(this ILogger logger, string instance);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Mastodon account {AccountId} connected as {Handle}")]
    public static partial void AccountConnected(this ILogger logger, string accountId, string handle);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Mastodon status {StatusId} published for account {AccountId}")]
    public static partial void StatusPublished(this ILogger logger, string statusId, string accountId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Mastodon media {MediaId} still processing; waiting")]
    public static partial void MediaProcessing(this ILogger logger, string mediaId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Mastodon status {StatusId} deleted")]
    public static partial void StatusDeleted(this ILogger logger, string statusId);
}
