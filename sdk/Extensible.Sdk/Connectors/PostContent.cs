namespace Extensible.Sdk.Connectors;

/// <summary>A post's content for one network.</summary>
public sealed record PostContent
{
    /// <summary>The kind of post.</summary>
    public required ContentKinds Kind { get; init; }

    /// <summary>The text (for a thread, the first part).</summary>
    public required string Text { get; init; }

    /// <summary>Images or videos, in order.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>For threads: the parts after the first, each posted as a reply to the previous.</summary>
    public IReadOnlyList<string> ThreadParts { get; init; } = [];

    /// <summary>A first comment to post right after the post, when the network supports it.</summary>
    public string? FirstComment { get; init; }

    /// <summary>Network-specific options (a Pinterest board, a YouTube title and privacy…), by the connector's own keys.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
