using Extensible.EventStore;
using Extensible.People.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.People;

/// <summary>Registers people, workspaces and permissions.</summary>
public static class PeopleExtensions
{
    /// <summary>Adds the people events, their inline read model, <see cref="PeopleDirectory"/> and <see cref="PeopleService"/>.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options =>
        {
            PeopleEventTypes.Register(options.Events);
            options.Projections.Add(new PeopleProjection(), ProjectionLifecycle.Inline);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<SetupToken>();
        return services;
    }
}
