using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Moderation;

namespace Extensible.Sdk.Testing;

/// <summary>Ready-made inputs for tests: a target network, drafts, inbox items.</summary>
public static class Samples
{
    /// <summary>A made-up network: text, images and threads, 500 graphemes.</summary>
    public static PlatformProfile Platform { get; } = new()
    {
        Key = "sample",
        DisplayName = "Sample network",
        Auth = AuthMethod.Token,
        Content = ContentKinds.Text | ContentKinds.Image | ContentKinds.Thread,
        Text = new TextLimit(500, LengthCounting.Graphemes),
        IsSandbox = true,
    };

    /// <summary>A draft of <paramref name="text"/> for <paramref name="target"/> (the sample network when omitted).</summary>
    /// <param name="text">The draft's text.</param>
    /// <param name="target">The network it would go to.</param>
    /// <returns>The draft, in workspace <c>sample</c>.</returns>
    public static ContentDraft Draft(string text, PlatformProfile? target = null) =>
        new() { WorkspaceId = "sample", Target = target ?? Platform, Text = text };

    /// <summary>A comment saying <paramref name="text"/> from <c>@someone</c>.</summary>
    /// <param name="text">What the comment says.</param>
    /// <param name="createdAt">When it was written (the Unix epoch when omitted).</param>
    /// <returns>The inbox item.</returns>
    public static InboxItem Comment(string text, DateTimeOffset? createdAt = null) => new()
    {
        PlatformItemId = "comment-1",
        Kind = InboxItemKind.Comment,
        Author = new InboxAuthor { PlatformUserId = "user-1", Handle = "someone" },
        Text = text,
        CreatedAt = createdAt ?? DateTimeOffset.UnixEpoch,
    };

    /// <summary>What a moderation step gets for a new comment saying <paramref name="text"/>.</summary>
    /// <param name="text">What the comment says.</param>
    /// <param name="receivedAt">When the host received it (the Unix epoch when omitted).</param>
    /// <returns>The moderation input, in workspace <c>sample</c>, on the sample network.</returns>
    public static ModerationInput Moderation(string text, DateTimeOffset? receivedAt = null) => new()
    {
        WorkspaceId = "sample",
        Platform = Platform,
        Item = Comment(text, receivedAt),
        ReceivedAt = receivedAt ?? DateTimeOffset.UnixEpoch,
    };
}
