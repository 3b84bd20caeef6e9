using Microsoft.Extensions.Logging;

namespace Extensible.Sdk.Tests.Support;

/// <summary>The sample plugin's log messages.</summary>
internal static partial class PostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Published {Id}")]
    public static partial void Published(ILogger logger, string id);
}
