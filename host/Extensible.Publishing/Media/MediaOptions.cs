using System.ComponentModel.DataAnnotations;

namespace Extensible.Publishing.Media;

/// <summary>The media library's limits and signed links (<c>Extensible:Media</c>).</summary>
public sealed class MediaOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Media";

    /// <summary>The largest image accepted, in bytes (default 20 MiB).</summary>
    [Range(1024, 1L << 32)]
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The largest video accepted, in bytes (default 512 MiB).</summary>
    [Range(1024, 1L << 40)]
    public long MaxVideoBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most pixels (width × height) an image may declare (default 50 megapixels); checked before decoding.</summary>
    [Range(1, 200_000_000)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>The longer side of a thumbnail, in pixels (default 320).</summary>
    [Range(32, 2048)]
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>How long a signed link to a media file works (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The address networks reach this server at (<c>https://social.example.org</c>), for signed links made outside a
    /// request (the publisher). Without it, links are made from the address of the request that asks.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The largest upload either kind allows: bodies are cut off past it.</summary>
    public long MaxUploadBytes => Math.Max(MaxImageBytes, MaxVideoBytes);
}
