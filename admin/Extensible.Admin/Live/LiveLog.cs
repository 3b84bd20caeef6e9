using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Refused a live connection from origin {Origin} to host {Host}: a page of another site, or a proxy that rewrites the Host header")]
    public static partial void CrossOriginRefused(ILogger logger, string origin, string host);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Closed live connection {ConnectionId} of user {UserId}: its session ended or its rights changed since it opened")]
    public static partial void ConnectionClosed(ILogger logger, Guid userId, string connectionId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Could not check the rights of live connection {ConnectionId} after a change; it is checked again at its next call")]
    public static partial void RecheckFailed(ILogger logger, string connectionId, Exception exception);
}
