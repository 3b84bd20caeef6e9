using Extensible.EventStore.Configuration;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.EventStore;

/// <summary>Registers the event store with a host.</summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds Marten's <see cref="IDocumentStore"/> (over the registered <see cref="NpgsqlDataSource"/>, configured once in
    /// <c>MartenConfiguration</c>), its async daemon with hot/cold leadership, the <see cref="EventStore"/> and a hosted
    /// service that brings the schema up to date at start-up. Modules add their event types through
    /// <see cref="EventStoreOptions.Events"/> and their projections and read-model tables through
    /// <c>services.ConfigureMarten</c>.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, Action<EventStoreOptions>? configure = null)
    {
        var builder = services.AddOptions<EventStoreOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        // Registered before Marten's daemon, so the schema is up to date before any projection runs.
        services.AddSingleton<EventStoreService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventStoreService>());
        services.AddMarten(sp => MartenConfiguration.Build(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<EventStoreOptions>>().Value))
            .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold);
        services.ConfigureMarten((sp, marten) =>
        {
            if (!sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.RunDaemon)
            {
                marten.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Disabled;
            }
        });
        services.AddSingleton(sp => new EventStore(
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<EventStoreOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Extensible.EventStore")));
        return services;
    }
}
