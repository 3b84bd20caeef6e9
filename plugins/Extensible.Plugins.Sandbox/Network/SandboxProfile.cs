using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Network;

/// <summary>The sandbox network's profile: it takes every kind of post and implements every optional operation.</summary>
public static class SandboxProfile
{
    /// <summary>The sandbox's platform key.</summary>
    public const string Key = "sandbox";

    /// <summary>The most a sandbox post's text may count (in graphemes, like Bluesky and Threads).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The profile.</summary>
    public static PlatformProfile Profile { get; } = new()
    {
        Key = Key,
        DisplayName = "Sandbox network (simulated)",
        Auth = AuthMethod.None,
        Content = ContentKinds.Text | ContentKinds.Image | ContentKinds.Video | ContentKinds.Carousel | ContentKinds.Thread,
        Text = new TextLimit(MaxTextLength, LengthCounting.Graphemes),
        Media = new MediaLimits
        {
            MaxItems = 10,
            MaxImageBytes = 10 * 1024 * 1024,
            MaxVideoBytes = 512L * 1024 * 1024,
            MaxVideoDuration = TimeSpan.FromMinutes(10),
            ContentTypes = ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime"],
            SupportsAltText = true,
        },
        Features = PlatformFeatures.FirstComment | PlatformFeatures.DeletePost | PlatformFeatures.Reply | PlatformFeatures.HideComment
            | PlatformFeatures.DeleteComment | PlatformFeatures.DirectMessages | PlatformFeatures.Metrics | PlatformFeatures.Webhooks
            | PlatformFeatures.InboxPolling | PlatformFeatures.LookupByIdempotencyKey | PlatformFeatures.Like | PlatformFeatures.AccountMetrics,
        IsSandbox = true,
        PostOptions =
        [
            new PostOptionField
            {
                Key = "audience", Label = "Audience", Kind = PostOptionKind.Choice, Choices = ["public", "followers"],
                Help = "Who sees the post on the sandbox network (public when left empty).",
            },
            new PostOptionField { Key = "sensitive", Label = "Sensitive content", Kind = PostOptionKind.Boolean, Help = "Shown behind a warning." },
        ],
    };

    /// <summary>The sandbox's made-up web address (the <c>.invalid</c> domain never resolves).</summary>
    public static Uri BaseUrl { get; } = new("https://sandbox.extensible.invalid/");
}
