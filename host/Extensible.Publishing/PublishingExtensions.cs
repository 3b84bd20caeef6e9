using Extensible.EventStore;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.ReadModel;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Publishing;

/// <summary>Registers publishing: its events, its inline read model and its services.</summary>
public static class PublishingExtensions
{
    /// <summary>Adds the publishing events and their inline read model.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => PublishingEventTypes.Register(options.Events));
        services.ConfigureMarten(options =>
        {
            PublishingTables.Declare(options);
            options.Projections.Add(new PublishingProjection(), ProjectionLifecycle.Inline);
            AccountTables.Declare(options);
        });
        services.AddAccounts();
        return services;
    }
}
