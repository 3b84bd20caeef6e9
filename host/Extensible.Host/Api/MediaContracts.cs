using System.ComponentModel;
using System.Text.Json.Serialization;
using Extensible.Publishing.Media;

namespace Extensible.Host.Api;

/// <summary>An item of the workspace's media library.</summary>
/// <param name="Id">Its id (what posts name in <c>mediaIds</c>).</param>
/// <param name="FileName">Its file name; the extension follows the type read from the content.</param>
/// <param name="ContentType">Its media type, read from the content (never from the name).</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">The SHA-256 of its content, lower-case hex.</param>
/// <param name="Width">An image's width in pixels.</param>
/// <param name="Height">An image's height in pixels.</param>
/// <param name="DurationSeconds">A video's duration, when its header declares one.</param>
/// <param name="AltText">Alt text for accessibility.</param>
/// <param name="Created">When it was uploaded.</param>
/// <param name="ContentUrl">Where its bytes are (same credentials as this call).</param>
/// <param name="ThumbnailUrl">Where an image's thumbnail (WebP, 320 px) is.</param>
public sealed record MediaResponse(Guid Id, string FileName, string ContentType, long Length, string Sha256, int? Width, int? Height, double? DurationSeconds,
    string? AltText, DateTimeOffset Created, string ContentUrl, string? ThumbnailUrl)
{
    internal static MediaResponse Of(MediaItem item) => new(item.Id, item.FileName, item.ContentType, item.Length, item.Sha256, item.Width, item.Height,
        item.Duration?.TotalSeconds, item.AltText, item.Created, $"/api/v1/media/{item.Id}/content",
        item.ThumbnailSha256 is null ? null : $"/api/v1/media/{item.Id}/thumbnail");
}

/// <summary>What an upload gave.</summary>
/// <param name="Media">The library item.</param>
/// <param name="Reused">True when the workspace had these exact bytes already: the existing item is answered and nothing new was stored.</param>
public sealed record MediaUploadResponse(MediaResponse Media, bool Reused);

/// <summary>New alt text for a media item.</summary>
/// <param name="AltText">The text; null or blank clears it.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MediaAltTextRequest(
    [property: Description("At most 1500 characters; null or blank clears it.")] string? AltText);
