using Extensible.Plugins.Mastodon.Connecting;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Plugins.Mastodon.Publishing;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>
/// What Mastodon takes, with Mastodon's default limits (500 characters, 4 attachments). Each instance sets its own: they
/// are read when an account connects and checked against at publish (see <see cref="InstanceLimits"/>).
/// </summary>
public static class MastodonProfile
{
    /// <summary>The connector's key.</summary>
    public const string Key = "mastodon";

    // Declared first: the static properties below are built from it, in order.
    private static PlatformProfile Template { get; } = new()
    {
        Key = Key,
        DisplayName = "Mastodon",
        Auth = AuthMethod.OAuth2Pkce,
        Content = ContentKinds.Text | ContentKinds.Image | ContentKinds.Video | ContentKinds.Carousel | ContentKinds.Thread,
        Text = InstanceLimits.Default.Text,
        Media = new MediaLimits
        {
            MaxItems = InstanceLimits.Default.MaxMediaAttachments,
            MaxImageBytes = InstanceLimits.Default.ImageSizeLimit,
            MaxVideoBytes = InstanceLimits.Default.VideoSizeLimit,
            MaxVideoDuration = TimeSpan.FromMinutes(10),
            ContentTypes = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "video/mp4", "video/webm", "video/quicktime"],
            SupportsAltText = true,
        },
        Features = PlatformFeatures.DeletePost | PlatformFeatures.Reply | PlatformFeatures.DirectMessages | PlatformFeatures.Metrics
            | PlatformFeatures.InboxPolling | PlatformFeatures.Like | PlatformFeatures.AccountMetrics,
        PostOptions = StatusOptions.Fields,
        ConnectFields = [new ConnectField(MastodonSignIn.InstanceField, "Instance (like mastodon.social)", IsSecret: false)],
    };

    /// <summary>The profile with Mastodon's usual limits.</summary>
    public static PlatformProfile Profile { get; } = For(InstanceLimits.Default);

    /// <summary>The profile of an account whose instance has <paramref name="limits"/>.</summary>
    /// <param name="limits">The instance's limits.</param>
    public static PlatformProfile For(InstanceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Template with
        {
            Text = limits.Text,
            Media = Template.Media with
            {
                MaxItems = limits.MaxMediaAttachments,
                MaxImageBytes = limits.ImageSizeLimit,
                MaxVideoBytes = limits.VideoSizeLimit,
                ContentTypes = limits.SupportedMimeTypes.Count > 0 ? limits.SupportedMimeTypes : Template.Media.ContentTypes,
            },
        };
    }
}
