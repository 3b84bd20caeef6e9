using Extensible.EventStore;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Deliveries;
using Extensible.Inbox.Ingestion;
using Extensible.Inbox.ReadModel;
using Extensible.Inbox.Sla;
using Extensible.Inbox.SavedReplies;
using Extensible.Inbox.Threads;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Inbox;

/// <summary>Registers the inbox: its events, its inline read model, ingestion (webhooks and the poller) and the moderators' actions.</summary>
public static class InboxExtensions
{
    /// <summary>Adds the inbox.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => InboxEventTypes.Register(options.Events));
        services.ConfigureMarten(options =>
        {
            InboxTables.Declare(options);
            options.Projections.Add(new InboxProjection(), ProjectionLifecycle.Inline);
            InboxDeliveryTables.Declare(options);
            options.Projections.Add(new InboxDeliveryProjection(), ProjectionLifecycle.Inline);
        });
        services.AddInboxSla();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxIngestion>();
        services.AddSingleton<InboxWebhooks>();
        services.AddSingleton<InboxBoard>();
        services.AddSingleton<InboxActions>();
        services.AddSingleton<InboxNetworks>();
        services.AddSavedReplies();
        services.AddSingleton<InboxDeliveries>();
        services.AddHostedService<InboxPoller>();
        return services;
    }
}
