namespace Extensible.Sdk.Connectors;

/// <summary>Optional operations a connector implements.</summary>
[Flags]
public enum PlatformFeatures
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A first comment posted right after the post (hashtags, links).</summary>
    FirstComment = 1,

    /// <summary><see cref="IPlatformConnector.DeletePostAsync"/>.</summary>
    DeletePost = 2,

    /// <summary><see cref="IPlatformConnector.ReplyAsync"/>.</summary>
    Reply = 4,

    /// <summary><see cref="IPlatformConnector.SetHiddenAsync"/>.</summary>
    HideComment = 8,

    /// <summary><see cref="IPlatformConnector.DeleteCommentAsync"/>.</summary>
    DeleteComment = 16,

    /// <summary>Direct messages arrive in the inbox and can be answered.</summary>
    DirectMessages = 32,

    /// <summary><see cref="IPlatformConnector.FetchMetricsAsync"/>.</summary>
    Metrics = 64,

    /// <summary><see cref="IPlatformConnector.HandleWebhookAsync"/>.</summary>
    Webhooks = 128,

    /// <summary><see cref="IPlatformConnector.PollInboxAsync"/>.</summary>
    InboxPolling = 256,

    /// <summary><see cref="IPlatformConnector.FindPublishedAsync"/>.</summary>
    LookupByIdempotencyKey = 512,

    /// <summary><see cref="IPlatformConnector.SetLikedAsync"/>.</summary>
    Like = 1024,

    /// <summary><see cref="IPlatformConnector.FetchAccountMetricsAsync"/>.</summary>
    AccountMetrics = 2048,
}
