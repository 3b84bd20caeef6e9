using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Publishing.Media;

/// <summary>Registers the media library and its options (<c>Extensible:Media</c>, validated at start).</summary>
public static class MediaLibraryExtensions
{
    /// <summary>Adds <see cref="MediaLibrary"/>, <see cref="MediaSignedUrls"/> and <see cref="MediaOptions"/>. Needs data protection.</summary>
    public static IServiceCollection AddMediaLibrary(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.PublicUrl is null || (o.PublicUrl.IsAbsoluteUri && o.PublicUrl.Scheme is "http" or "https"),
                $"{MediaOptions.Section}:PublicUrl must be an absolute http or https address, like https://social.example.org.")
            .ValidateOnStart();
        services.AddSingleton<MediaSignedUrls>();
        services.AddSingleton<MediaLibrary>();
        return services;
    }
}
