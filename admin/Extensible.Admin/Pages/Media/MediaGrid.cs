using Extensible.Publishing.Media;

namespace Extensible.Admin.Pages.Media;

/// <summary>The media room's library panel: the upload form with what became of the last upload, and the items.</summary>
/// <param name="Items">The library, newest first.</param>
/// <param name="MayChange">Whether the viewer may upload, edit alt text and delete (Compose).</param>
/// <param name="Problems">Why files or changes were refused, in words (shown beside the upload).</param>
/// <param name="Notices">What went well ("photo.png was in the library already").</param>
public sealed record MediaGrid(IReadOnlyList<MediaItem> Items, bool MayChange, IReadOnlyList<string> Problems, IReadOnlyList<string> Notices)
{
    /// <summary>The panel's element id (htmx swaps it whole).</summary>
    public const string ElementId = "media-library";

    /// <summary>The items' element id: a live update replaces only it, never the upload form or what it said.</summary>
    public const string ItemsId = "media-items";
}
