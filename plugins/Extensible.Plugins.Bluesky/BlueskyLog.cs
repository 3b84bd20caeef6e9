using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Bluesky;

/// <summary>The Bluesky connector's log messages (never a token or password).</summary>
internal static partial class BlueskyLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Bluesky account {Did} connected as {Handle} on {Pds}")]
    public static partial void AccountConnected(ILogger logger, string did, string handle, Uri pds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Bluesky session of {Did} renewed during {Nsid} (the PDS said the access token expired)")]
    public static partial void SessionRenewedDuringCall(ILogger logger, string did, string nsid);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Bluesky post {Uri} published")]
    public static partial void PostPublished(ILogger logger, string uri);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Bluesky publish retried with a known key; the post {Uri} was already there")]
    public static partial void PublishFoundAlready(ILogger logger, string uri);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Bluesky post {Uri} deleted")]
    public static partial void PostDeleted(ILogger logger, string uri);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Bluesky mention of {Handle} left as text: the handle did not resolve")]
    public static partial void MentionUnresolved(ILogger logger, string handle);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Bluesky notifications of {Did}: {Count} new over {Pages} pages")]
    public static partial void NotificationsPolled(ILogger logger, string did, int count, int pages);
}
