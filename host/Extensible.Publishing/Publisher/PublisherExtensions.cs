using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Publishing.Publisher;

/// <summary>Registers the publisher.</summary>
public static class PublisherExtensions
{
    /// <summary>Adds the publisher (a background service on every node) and its status for readiness.</summary>
    public static IServiceCollection AddPublisher(this IServiceCollection services)
    {
        services.AddOptions<PublisherOptions>().BindConfiguration(PublisherOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublisherStatus>();
        services.AddSingleton<PostStreamGate>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton<TargetPublication>();
        services.AddHostedService<PublishScheduler>();
        return services;
    }
}
