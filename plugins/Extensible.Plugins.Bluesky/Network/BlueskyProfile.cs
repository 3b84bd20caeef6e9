using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Network;

/// <summary>What Bluesky takes: 300 graphemes, up to 4 images of 1 MB with alt text, threads; no video through this connector.</summary>
public static class BlueskyProfile
{
    /// <summary>The connector's key.</summary>
    public const string Key = "bluesky";

    /// <summary>The most graphemes a post's text may have.</summary>
    public const int MaxGraphemes = 300;

    /// <summary>The most images in one post.</summary>
    public const int MaxImages = 4;

    /// <summary>The largest image a post may embed (the lexicon's <c>maxSize</c>).</summary>
    public const long MaxImageBytes = 1_000_000;

    /// <summary>The post option holding the post's languages.</summary>
    public const string LanguagesOption = "langs";

    /// <summary>The image types Bluesky takes.</summary>
    public static IReadOnlyList<string> ImageTypes { get; } = ["image/jpeg", "image/png", "image/gif", "image/webp"];

    /// <summary>The profile.</summary>
    public static PlatformProfile Profile { get; } = new()
    {
        Key = Key,
        DisplayName = "Bluesky",
        Auth = AuthMethod.AppPassword,
        Content = ContentKinds.Text | ContentKinds.Image | ContentKinds.Carousel | ContentKinds.Thread,
        Text = new TextLimit(MaxGraphemes, LengthCounting.Graphemes),
        Media = new MediaLimits { MaxItems = MaxImages, MaxImageBytes = MaxImageBytes, ContentTypes = ImageTypes, SupportsAltText = true },
        Features = PlatformFeatures.DeletePost | PlatformFeatures.Reply | PlatformFeatures.Metrics | PlatformFeatures.InboxPolling
            | PlatformFeatures.LookupByIdempotencyKey | PlatformFeatures.Like | PlatformFeatures.AccountMetrics,
        PostOptions =
        [
            new PostOptionField
            {
                Key = LanguagesOption, Label = "Languages",
                Help = "Up to 3 language tags, separated by commas (en, de, pt-BR): Bluesky's feeds filter by them.",
            },
        ],
    };
}
