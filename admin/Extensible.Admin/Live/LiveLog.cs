using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Refused a live connection from origin {Origin} to host {Host}: a page of another site, or a proxy that rewrites the Host header")]
    public static partial void CrossOriginRefused(ILogger logger, string origin, string host);
}
