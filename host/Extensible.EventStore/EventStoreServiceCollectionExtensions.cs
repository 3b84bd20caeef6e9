using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>Registers the event store with a host.</summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="EventStore"/> (over the registered <see cref="NpgsqlDataSource"/>), its
    /// <see cref="ProjectionDaemon"/> and a hosted service that migrates the schema at start-up and runs the daemon.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, Action<EventStoreOptions>? configure = null)
    {
        var builder = services.AddOptions<EventStoreOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddSingleton(sp => new EventStore(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<EventStoreOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new ProjectionDaemon(sp.GetRequiredService<EventStore>()));
        services.AddSingleton<EventStoreService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventStoreService>());
        return services;
    }
}
