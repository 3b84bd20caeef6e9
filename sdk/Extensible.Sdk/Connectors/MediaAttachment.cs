namespace Extensible.Sdk.Connectors;

/// <summary>An image or video to upload with a post. The content is opened on demand, so large videos are streamed.</summary>
public sealed record MediaAttachment
{
    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>Its media type (<c>image/png</c>, <c>video/mp4</c>).</summary>
    public required string ContentType { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>Opens the content for reading; each call gives a new stream the caller disposes.</summary>
    public required Func<CancellationToken, Task<Stream>> OpenAsync { get; init; }

    /// <summary>Alt text for accessibility.</summary>
    public string? AltText { get; init; }

    /// <summary>A video's duration, when known.</summary>
    public TimeSpan? Duration { get; init; }
}
