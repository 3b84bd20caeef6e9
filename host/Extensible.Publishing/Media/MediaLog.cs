using Microsoft.Extensions.Logging;

namespace Extensible.Publishing.Media;

/// <summary>The media library's log messages.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(1, LogLevel.Information, "Media {MediaId} ({ContentType}, {Length} bytes) was added to workspace {WorkspaceId} by {Actor}.")]
    public static partial void Uploaded(ILogger logger, Guid mediaId, string contentType, long length, Guid workspaceId, string actor);

    [LoggerMessage(2, LogLevel.Information, "An upload to workspace {WorkspaceId} by {Actor} is media {MediaId} already: reused.")]
    public static partial void Reused(ILogger logger, Guid workspaceId, string actor, Guid mediaId);

    [LoggerMessage(3, LogLevel.Information, "An upload to workspace {WorkspaceId} by {Actor} was refused: {Reason}")]
    public static partial void Refused(ILogger logger, Guid workspaceId, string actor, string reason);

    [LoggerMessage(4, LogLevel.Information, "Media {MediaId} was removed from workspace {WorkspaceId} by {Actor}.")]
    public static partial void Deleted(ILogger logger, Guid mediaId, Guid workspaceId, string actor);

    [LoggerMessage(5, LogLevel.Warning, "A signed media link for {MediaId} was refused: {Reason}")]
    public static partial void SignedLinkRefused(ILogger logger, Guid mediaId, string reason);
}
