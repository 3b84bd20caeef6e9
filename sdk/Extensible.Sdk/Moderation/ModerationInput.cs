using Extensible.Sdk.Connectors;

namespace Extensible.Sdk.Moderation;

/// <summary>What a moderation step decides on. All text in it comes from the public and is untrusted.</summary>
public sealed record ModerationInput
{
    /// <summary>The workspace the item arrived in.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The network it came from.</summary>
    public required PlatformProfile Platform { get; init; }

    /// <summary>The new item.</summary>
    public required InboxItem Item { get; init; }

    /// <summary>The earlier items of its conversation, oldest first (may be empty).</summary>
    public IReadOnlyList<InboxItem> Thread { get; init; } = [];

    /// <summary>The labels earlier steps gave it.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>When the host received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
