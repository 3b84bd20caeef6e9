namespace Extensible.Publishing;

/// <summary>The publishing module's stream names: the one place they are built. Every stream lives in its workspace's tenant.</summary>
public static class PublishingStreams
{
    /// <summary>A connected account: connected, credentials refreshed, needs reconnect, paused, disconnected.</summary>
    public static string Account(Guid accountId) => $"account-{accountId}";

    /// <summary>A post: drafted, edited, scheduled, and each target's publish attempts.</summary>
    public static string Post(Guid postId) => $"post-{postId}";

    /// <summary>An item of the media library.</summary>
    public static string Media(Guid mediaId) => $"media-{mediaId}";

    /// <summary>A workspace's publishing settings: its time zone, its network app credentials.</summary>
    public static string Settings(Guid workspaceId) => $"publishing-{workspaceId}";

    /// <summary>One person's publishing preferences in a workspace: the zone the console shows times in.</summary>
    public static string Person(Guid workspaceId, Guid userId) => $"publishing-{workspaceId}-person-{userId}";
}
