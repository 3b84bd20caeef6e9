using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Extensible.People;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Hosting;

/// <summary>The host's own settings and start-up notices.</summary>
public static class HostingExtensions
{
    /// <summary>Binds <see cref="ExtensibleOptions"/> from the <c>Extensible</c> section.</summary>
    public static IHostApplicationBuilder AddExtensibleOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExtensibleOptions>().BindConfiguration(ExtensibleOptions.Section);
        return builder;
    }

    /// <summary>Logs where the server listens once it does, so a newcomer knows what to open.</summary>
    public static WebApplication AnnounceAddressOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<ExtensibleOptions>>().Value;
            HostingLog.Listening(app.Logger, string.Join(", ", addresses), options.DataPath, options.PluginsPath);
            _ = AnnounceSetupAsync(app, addresses.FirstOrDefault());
        });
        return app;
    }

    private static async Task AnnounceSetupAsync(WebApplication app, string? address)
    {
        try
        {
            if (address is not null && !await app.Services.GetRequiredService<PeopleDirectory>().AnyUserAsync(app.Lifetime.ApplicationStopping))
            {
                var token = app.Services.GetRequiredService<SetupToken>().Value;
                Security.SecurityLog.SetupPending(app.Logger, $"{address.TrimEnd('/')}/setup?token={token}");
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException)
        {
            // The database went away during start-up; the readiness probe reports it.
        }
    }

    /// <summary>Answers the root address until the admin console takes it over.</summary>
    public static WebApplication MapWelcome(this WebApplication app)
    {
        app.MapGet("/", () => Results.Text(
            "Extensible is running.\n\nThe admin console is not built yet.\nGET /healthz  process alive\nGET /readyz   database reachable, migrations applied, projection daemon running\n",
            "text/plain")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
