namespace Extensible.Publishing.Media;

/// <summary>What a media item is.</summary>
public enum MediaKind
{
    /// <summary>A still or animated image (JPEG, PNG, GIF, WebP).</summary>
    Image,

    /// <summary>A video (MP4, QuickTime).</summary>
    Video,
}
