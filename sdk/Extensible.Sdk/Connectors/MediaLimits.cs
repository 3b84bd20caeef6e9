namespace Extensible.Sdk.Connectors;

/// <summary>What media a network takes in one post.</summary>
public sealed record MediaLimits
{
    /// <summary>No media at all.</summary>
    public static MediaLimits None { get; } = new();

    /// <summary>The most images (or carousel items) per post.</summary>
    public int MaxItems { get; init; }

    /// <summary>The largest image, in bytes.</summary>
    public long MaxImageBytes { get; init; }

    /// <summary>The largest video, in bytes.</summary>
    public long MaxVideoBytes { get; init; }

    /// <summary>The longest video.</summary>
    public TimeSpan MaxVideoDuration { get; init; }

    /// <summary>Accepted media types (<c>image/jpeg</c>, <c>video/mp4</c>…).</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary><see langword="true"/> when images need alt text to be accessible (the composer reminds).</summary>
    public bool SupportsAltText { get; init; }
}
