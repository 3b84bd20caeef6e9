namespace Extensible.Publishing.Posts;

/// <summary>
/// What a post says: the shared text and media, or one target's variant of them. In a variant, a <see langword="null"/>
/// member keeps the shared value.
/// </summary>
public sealed record PostContentDraft
{
    /// <summary>The text (for a thread, its first part).</summary>
    public string? Text { get; init; }

    /// <summary>Media library items, in order.</summary>
    public IReadOnlyList<Guid>? MediaIds { get; init; }

    /// <summary>A thread's later parts, each posted as a reply to the previous.</summary>
    public IReadOnlyList<string>? ThreadParts { get; init; }

    /// <summary>A first comment, posted right after the post where the network supports it.</summary>
    public string? FirstComment { get; init; }

    /// <summary>Network-specific options by the connector's own keys (a board, a privacy level, a title).</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>What one target says: this shared content with <paramref name="variant"/>'s members over it (options merged, the variant's winning).</summary>
    public PostContentDraft WithVariant(PostContentDraft? variant) => variant is null ? this : new PostContentDraft
    {
        Text = variant.Text ?? Text,
        MediaIds = variant.MediaIds ?? MediaIds,
        ThreadParts = variant.ThreadParts ?? ThreadParts,
        FirstComment = variant.FirstComment ?? FirstComment,
        Options = variant.Options is null ? Options
            : Options is null ? variant.Options
            : Options.Where(o => !variant.Options.ContainsKey(o.Key)).Concat(variant.Options).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal),
    };
}
