using Extensible.Publishing.Posts;
using Extensible.Sdk.Connectors;

namespace Extensible.Publishing.Publisher;

/// <summary>What one target sends: its variant over the post's shared content, shaped as the SDK's <see cref="PostContent"/>.</summary>
internal static class PublishContent
{
    /// <summary>The variant's members where it has them, the shared ones otherwise.</summary>
    public static PostContentDraft Merge(PostContentDraft shared, PostContentDraft? variant) => variant is null
        ? shared
        : new PostContentDraft
        {
            Text = variant.Text ?? shared.Text,
            MediaIds = variant.MediaIds ?? shared.MediaIds,
            ThreadParts = variant.ThreadParts ?? shared.ThreadParts,
            FirstComment = variant.FirstComment ?? shared.FirstComment,
            Options = variant.Options ?? shared.Options,
        };

    /// <summary>The content for the network, its kind derived from its parts.</summary>
    public static PostContent For(PostContentDraft draft, IReadOnlyList<MediaAttachment> media)
    {
        var parts = draft.ThreadParts?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray() ?? [];
        return new PostContent
        {
            Kind = KindOf(parts.Length, media),
            Text = draft.Text ?? string.Empty,
            Media = media,
            ThreadParts = parts,
            FirstComment = string.IsNullOrWhiteSpace(draft.FirstComment) ? null : draft.FirstComment,
            Options = draft.Options ?? new Dictionary<string, string>(),
        };
    }

    private static ContentKinds KindOf(int threadParts, IReadOnlyList<MediaAttachment> media) => (threadParts, media.Count) switch
    {
        ( > 0, _) => ContentKinds.Thread,
        (_, 0) => ContentKinds.Text,
        (_, 1) when media[0].ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => ContentKinds.Video,
        (_, 1) => ContentKinds.Image,
        _ => ContentKinds.Carousel,
    };
}
