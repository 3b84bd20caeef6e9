using Extensible.Admin;
using Extensible.Admin.Pages;
using Extensible.Host.Api;
using Extensible.Host.Database;
using Extensible.Host.Docs;
using Extensible.Host.Events;
using Extensible.Host.Health;
using Extensible.Host.Hosting;
using Extensible.Host.Plugins;
using Extensible.Host.Inbox;
using Extensible.Host.Publishing;
using Extensible.Host.Security;

namespace Extensible.Host;

/// <summary>The composition root: what the host is made of, in the order it is put together.</summary>
public static class ExtensibleApp
{
    /// <summary>Builds the host from the usual ASP.NET Core configuration (appsettings, environment, command line).</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls</c>.</param>
    /// <param name="configure">Lets tests add to the services before the host is built.</param>
    /// <param name="cancellationToken">Cancels start-up (the embedded database's start).</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<IHostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddExtensibleOptions();
        builder.AddExtensibleTransport();
        await builder.AddExtensibleDatabaseAsync(cancellationToken);
        try
        {
            return Compose(builder, configure);
        }
        catch
        {
            // A host that cannot be built (bad settings, a refused key ring) leaves no database of its own running.
            await builder.StopEmbeddedDatabaseAsync();
            throw;
        }
    }

    private static WebApplication Compose(WebApplicationBuilder builder, Action<IHostApplicationBuilder>? configure)
    {
        builder.AddExtensibleEventStore();
        builder.AddExtensiblePlugins();
        builder.AddExtensiblePublishing();
        builder.AddExtensibleInbox();
        builder.AddExtensibleSecurity();
        builder.AddExtensibleApi();
        builder.AddExtensibleAdmin();
        builder.Services.AddConsoleAccounts();
        builder.Services.AddHostedService<BootstrapOwner>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExtensibleTransport();
        app.UseExtensibleAdmin();
        app.UseExtensibleDocs();
        app.UseExtensibleSecurity();
        app.MapHealthEndpoints();
        app.MapExtensibleApi();
        app.MapExtensibleAdmin();
        app.MapMediaRoutes();
        app.MapWebhookRoutes();
        app.AnnounceAddressOnStart();
        return app;
    }
}
