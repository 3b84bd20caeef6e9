using Extensible.EventStore;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Inbox.Sla;

/// <summary>Registers the inbox's response times: business hours, the measurement of each thread, the team report.</summary>
public static class InboxSlaExtensions
{
    /// <summary>Adds business hours, their measurement (inline, after the inbox's read model) and the team report.</summary>
    public static IServiceCollection AddInboxSla(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => options.Events.Register("inbox_business_hours_changed", InboxSlaJsonContext.Default.InboxBusinessHoursChanged));
        services.ConfigureMarten(options =>
        {
            InboxSlaTables.Declare(options);
            options.Projections.Add(new InboxSlaProjection(), ProjectionLifecycle.Inline);
        });
        services.AddSingleton<InboxBusinessHours>();
        services.AddSingleton<InboxSla>();
        services.AddSingleton<InboxReporting>();
        return services;
    }
}
