namespace Extensible.Sdk.Connectors;

/// <summary>A post as the network reports it after publishing.</summary>
/// <param name="PlatformPostId">The network's id of the post (for a thread, the first part).</param>
/// <param name="Url">The post's public address, when the network gives one.</param>
public sealed record PublishedPost(string PlatformPostId, Uri? Url)
{
    /// <summary>The network's ids of a thread's later parts, in order.</summary>
    public IReadOnlyList<string> ThreadPostIds { get; init; } = [];

    /// <summary>The network's id of the first comment, if one was posted.</summary>
    public string? FirstCommentId { get; init; }
}
