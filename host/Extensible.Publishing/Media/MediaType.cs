namespace Extensible.Publishing.Media;

/// <summary>A file type the library accepts, recognised from the file's first bytes.</summary>
/// <param name="ContentType">Its media type (<c>image/png</c>).</param>
/// <param name="Extension">Its usual file extension, with the dot.</param>
/// <param name="Kind">Image or video.</param>
public sealed record MediaType(string ContentType, string Extension, MediaKind Kind)
{
    /// <summary>JPEG.</summary>
    public static readonly MediaType Jpeg = new("image/jpeg", ".jpg", MediaKind.Image) { Extensions = [".jpg", ".jpeg", ".jfif"] };

    /// <summary>PNG.</summary>
    public static readonly MediaType Png = new("image/png", ".png", MediaKind.Image);

    /// <summary>GIF.</summary>
    public static readonly MediaType Gif = new("image/gif", ".gif", MediaKind.Image);

    /// <summary>WebP.</summary>
    public static readonly MediaType Webp = new("image/webp", ".webp", MediaKind.Image);

    /// <summary>MP4 video.</summary>
    public static readonly MediaType Mp4 = new("video/mp4", ".mp4", MediaKind.Video) { Extensions = [".mp4", ".m4v"] };

    /// <summary>QuickTime video.</summary>
    public static readonly MediaType QuickTime = new("video/quicktime", ".mov", MediaKind.Video) { Extensions = [".mov", ".qt"] };

    /// <summary>The extensions a name of this type may end with (the first is <see cref="Extension"/>).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [Extension];

    /// <summary>Every accepted type.</summary>
    public static IReadOnlyList<MediaType> All { get; } = [Jpeg, Png, Gif, Webp, Mp4, QuickTime];

    /// <summary>The type of a known media type string, or null.</summary>
    public static MediaType? OfContentType(string? contentType) =>
        All.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase));
}
