using Extensible.Publishing.Posts;

namespace Extensible.Publishing.Publisher;

/// <summary>A target this node claimed: what to send, to which account, through which connector.</summary>
internal sealed record ClaimedTarget
{
    public required Guid PostId { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required Guid AccountId { get; init; }

    /// <summary>This attempt's number (1 for the first).</summary>
    public required int Attempt { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>When it was due: the post's instant or the retry's.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public required PostContentDraft Content { get; init; }

    public PostContentDraft? Variant { get; init; }

    public required string PluginId { get; init; }

    public required string PlatformKey { get; init; }

    /// <summary>connected | needs_reconnect | disconnected.</summary>
    public required string AccountHealth { get; init; }

    /// <summary>Taken over from a node that stopped while publishing it: whether the network took it is unknown.</summary>
    public string? InDoubtFrom { get; init; }

    /// <summary>The key every attempt of one post on one account shares, so the network (and the lookup) see one publish.</summary>
    public static string KeyFor(Guid postId, Guid accountId) => $"{postId:N}-{accountId:N}";
}
