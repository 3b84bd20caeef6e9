using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.Publishing.Media;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Pages.Media;

/// <summary>
/// Keeps every open Media room current on every node: an upload, an alt text or a removal, by anyone on any node, tells
/// those looking at the room to fetch its items again (<c>_MediaLive.cshtml</c>).
/// </summary>
public sealed class MediaRoomUpdates(IServiceProvider services, ConsolePush push, ILogger<MediaRoomUpdates> logger) : ViewRefreshes(services, push, logger)
{
    /// <inheritdoc />
    protected override string View => ConsoleRooms.Media.Slug;

    /// <inheritdoc />
    protected override string Partial => "/Pages/Media/_MediaLive.cshtml";

    /// <inheritdoc />
    protected override Guid? WorkspaceOf(object data) => data switch
    {
        MediaUploaded u => u.WorkspaceId,
        MediaAltTextChanged a => a.WorkspaceId,
        MediaDeleted d => d.WorkspaceId,
        _ => null,
    };
}
