namespace Extensible.Publishing.Media;

/// <summary>An item of a workspace's media library, as the read model keeps it.</summary>
public sealed record MediaItem
{
    /// <summary>Its id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    public required Guid WorkspaceId { get; init; }

    /// <summary>Its file name (the extension follows the sniffed type).</summary>
    public required string FileName { get; init; }

    /// <summary>Its media type, sniffed from the content.</summary>
    public required string ContentType { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>The SHA-256 of its content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>An image's width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>An image's height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>A video's duration, when its header declares one.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Alt text for accessibility.</summary>
    public string? AltText { get; init; }

    /// <summary>The SHA-256 of its thumbnail (images only).</summary>
    public string? ThumbnailSha256 { get; init; }

    /// <summary>Whether it was removed from the library (posts that use it still get it).</summary>
    public bool Deleted { get; init; }

    /// <summary>Who uploaded it.</summary>
    public required Guid CreatedBy { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Image or video.</summary>
    public MediaKind Kind => ContentType.StartsWith("video/", StringComparison.Ordinal) ? MediaKind.Video : MediaKind.Image;
}
