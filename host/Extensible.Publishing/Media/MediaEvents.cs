namespace Extensible.Publishing.Media;

/// <summary>
/// A file was added to a workspace's media library. The bytes live in the media store (PostgreSQL), addressed by
/// <paramref name="Sha256"/>; the type was sniffed from the content, never taken from the name.
/// </summary>
public sealed record MediaUploaded(
    Guid MediaId, Guid WorkspaceId, string FileName, string ContentType, long Length, string Sha256, int? Width, int? Height,
    TimeSpan? Duration, Guid By)
{
    /// <summary>The SHA-256 of the image's thumbnail (stored beside it), or null (videos).</summary>
    public string? ThumbnailSha256 { get; init; }
}

/// <summary>A media item's alt text changed.</summary>
public sealed record MediaAltTextChanged(Guid MediaId, Guid WorkspaceId, string? AltText, Guid By);

/// <summary>A media item was removed from the library (posts already sent keep what they sent).</summary>
public sealed record MediaDeleted(Guid MediaId, Guid WorkspaceId, Guid By);
