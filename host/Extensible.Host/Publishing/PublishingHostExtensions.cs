using Extensible.Publishing;
using Extensible.Publishing.Media;
using Extensible.Publishing.Publisher;

namespace Extensible.Host.Publishing;

/// <summary>Wires publishing (accounts, media, posts, the publisher) into the host.</summary>
public static class PublishingHostExtensions
{
    /// <summary>Adds publishing's events, read model and services.</summary>
    public static IHostApplicationBuilder AddExtensiblePublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPublishing();
        builder.Services.AddSingleton<Extensible.Publishing.Scheduling.PublishingSettings>();
        builder.Services.AddSingleton<Extensible.Publishing.Posts.PostValidation>();
        builder.Services.AddSingleton<Extensible.Publishing.Posts.PostService>();
        builder.Services.AddSingleton<Extensible.Publishing.Posts.PostBoard>();
        builder.Services.AddMediaLibrary();
        builder.Services.AddPublisher();
        builder.Services.AddHostedService<PublishingFailureNotices>();
        return builder;
    }
}
