using Extensible.Publishing.Media;

namespace Extensible.Admin.Pages.Media;

/// <summary>
/// What <c>_MediaPicker.cshtml</c> shows: the library as checkboxes named <c>mediaIds</c> (the chosen ones checked) and an
/// inline upload. The Compose room builds it with <see cref="LoadAsync"/> and includes the partial inside its form.
/// </summary>
/// <param name="Items">The library, newest first.</param>
/// <param name="Selected">The ids checked.</param>
/// <param name="MayUpload">Whether the viewer may upload (Compose).</param>
/// <param name="Problems">Why an inline upload was refused.</param>
public sealed record MediaPicker(IReadOnlyList<MediaItem> Items, IReadOnlyList<Guid> Selected, bool MayUpload, IReadOnlyList<string> Problems)
{
    /// <summary>The picker's element id (its inline upload swaps it whole).</summary>
    public const string ElementId = "media-picker";

    /// <summary>The form field the chosen ids travel in.</summary>
    public const string FieldName = "mediaIds";

    /// <summary>The picker for a workspace, with <paramref name="selected"/> checked (chosen items stay listed even when removed from the library since).</summary>
    public static async Task<MediaPicker> LoadAsync(MediaLibrary library, Guid workspaceId, IReadOnlyList<Guid>? selected, bool mayUpload,
        IReadOnlyList<string>? problems = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(library);
        var items = await library.ListAsync(workspaceId, cancellationToken: cancellationToken);
        return new MediaPicker(items, selected ?? [], mayUpload, problems ?? []);
    }

    /// <summary>Whether an item is checked.</summary>
    public bool IsSelected(Guid mediaId) => Selected.Contains(mediaId);
}
