using Extensible.EventStore;
using JasperFx.Events.Projections;
using Marten;
using Extensible.People.Passwords;
using Extensible.People.ReadModel;
using Extensible.People.Server;
using Extensible.People.Sessions;
using Extensible.People.TwoFactor;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.People;

/// <summary>Registers people, workspaces and permissions.</summary>
public static class PeopleExtensions
{
    /// <summary>Adds the people events, their inline read model, <see cref="PeopleDirectory"/>, the <see cref="Audit.AuditTrail"/>, <see cref="PeopleService"/> and the sign-in security services.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => PeopleEventTypes.Register(options.Events));
        services.ConfigureMarten(options =>
        {
            PeopleTables.Declare(options);
            options.Projections.Add(new PeopleProjection(), ProjectionLifecycle.Inline);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<TwoFactorService>();
        services.AddSingleton<PasswordService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<SetupToken>();
        services.AddSingleton<ServerOperators>();
        services.AddOptions<ServerAccessOptions>().BindConfiguration(ServerAccessOptions.Section);
        return services;
    }
}
