using Extensible.EventStore;
using JasperFx.Events.Projections;
using Marten;
using Extensible.Plugins.Calls;
using Extensible.Plugins.Events;
using Extensible.Plugins.Network;
using Extensible.Plugins.Runtime;
using Extensible.Plugins.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace Extensible.Plugins;

/// <summary>Registers the plugin runtime.</summary>
public static class PluginsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plugin runtime (<see cref="IPluginCatalog"/>, <see cref="IPluginAdministration"/>, <see cref="IPluginCapabilities"/>),
    /// its events and read model, and a hosted service that loads plugins at start-up and follows changes. Register it
    /// after the event store, so the store is migrated first. Needs Data Protection and an <see cref="NpgsqlDataSource"/>.
    /// </summary>
    public static IServiceCollection AddPluginRuntime(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => PluginEventTypes.Register(options.Events));
        services.ConfigureMarten(options =>
        {
            PluginStateProjection.Declare(options);
            options.Projections.Add(new PluginStateProjection(), ProjectionLifecycle.Inline);
        });
        services.AddOptions<PluginsOptions>()
            .Validate(PluginCallGuard.Accepts, "Extensible:Plugins: CallTimeout must be from 10 ms to a day, BreakerFailures at least 2, BreakDuration and BreakerSamplingDuration from 0.5 s to a day.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddSingleton<IHttpMessageHandlerBuilderFilter, PluginNetworkGuard>();
        services.AddSingleton<SettingsVault>();
        services.AddSingleton<PluginRuntime>();
        services.AddSingleton<IPluginCatalog>(sp => sp.GetRequiredService<PluginRuntime>());
        services.AddSingleton<IPluginAdministration>(sp => sp.GetRequiredService<PluginRuntime>());
        services.AddSingleton<IPluginCapabilities>(sp => sp.GetRequiredService<PluginRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<PluginRuntime>());
        return services;
    }
}
