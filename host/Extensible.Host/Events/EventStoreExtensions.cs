using Extensible.EventStore;

namespace Extensible.Host.Events;

/// <summary>Wires the event store into the host.</summary>
public static class EventStoreExtensions
{
    /// <summary>The configuration section of the event store.</summary>
    public const string Section = "Extensible:EventStore";

    /// <summary>Adds the event store, bound from <c>Extensible:EventStore</c>, migrated at start-up.</summary>
    public static IHostApplicationBuilder AddExtensibleEventStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEventStore();
        builder.Services.AddOptions<EventStoreOptions>().BindConfiguration(Section);
        return builder;
    }
}
