using Extensible.Admin.Live;
using Extensible.Admin.Mail;
using Extensible.Admin.Security;
using Extensible.Admin.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Extensible.Admin;

/// <summary>The admin console's composition: services, middleware and endpoints.</summary>
public static class AdminExtensions
{
    /// <summary>The header htmx requests carry the antiforgery request token in.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>
    /// Adds the console's Razor Pages, its SignalR hub, <see cref="ConsolePush"/>, its optional mail (<see cref="MailExtensions.AddConsoleMail"/>) and antiforgery that reads the
    /// token from the <see cref="AntiforgeryHeader"/> header too. Authentication and the policies are the host's.
    /// </summary>
    public static IHostApplicationBuilder AddExtensibleAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Outside Development, ASP.NET Core serves static web assets only from published output; `dotnet run -c Release`
        // (host/run) runs from build output, whose manifest points at the source folders. Published output has no
        // such manifest, and then this does nothing.
        if (!builder.Environment.IsDevelopment() && builder.Environment is IWebHostEnvironment web)
        {
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        services.AddRazorPages().ConfigureApplicationPartManager(AddConsolePart).AddMvcOptions(o => o.Filters.Add<HandlerAuthorization>());
        // Every console connection keeps only the rights it was opened with: checked at each call, closed when they change.
        services.AddHttpContextAccessor();
        services.AddSignalR().AddHubOptions<ConsoleHub>(o => o.AddFilter<ConnectionRightsFilter>());
        services.AddSingleton<OpenConnections>();
        services.AddSingleton<ConnectionRights>();
        services.AddSingleton<ConnectionRightsFilter>();
        services.AddHostedService<RightsChangeFollower>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            // Secure over HTTPS (as forwarded headers from a known proxy report it), like the session cookie.
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends X-Frame-Options: DENY; antiforgery would otherwise answer SAMEORIGIN first.
            o.SuppressXFrameOptionsHeader = true;
        });

        services.AddScoped<ConsoleNavigation>();
        services.AddSingleton<FragmentRenderer>();
        services.AddSingleton<ViewAudience>();
        services.AddSingleton<ConsolePush>();
        services.AddHostedService<PluginRoomUpdates>();
        services.AddSingleton<Pages.Calendar.CalendarReadModel>();
        services.AddHostedService<CalendarUpdates>();
        services.AddHostedService<Pages.Accounts.AccountRoomUpdates>();
        services.AddHostedService<Pages.Media.MediaRoomUpdates>();
        services.AddHostedService<Pages.Inbox.KeptDeliveryUpdates>();
        services.AddSingleton<Pages.Inbox.InboxRoomReader>();
        services.AddSingleton<Pages.Inbox.InboxPresence>();
        services.AddHostedService<Pages.Inbox.InboxUpdates>();
        services.AddHostedService<Pages.Inbox.InboxPresenceRelay>();
        services.AddConsoleMail();
        return builder;
    }

    /// <summary>
    /// Sends the console's security headers (Content-Security-Policy and the rest) with every response. Call it
    /// first, before authentication, so that redirects and error pages carry them too.
    /// </summary>
    public static WebApplication UseExtensibleAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseConsoleSecurityHeaders();
        return app;
    }

    /// <summary>
    /// Maps the console: its static files (<c>/_content/Extensible.Admin/…</c>, open to everyone, so the sign-in
    /// page is styled), its Razor Pages (each guarded by its own policy) and the live hub at <c>/hubs/console</c>.
    /// </summary>
    /// <remarks>This calls <c>MapStaticAssets()</c> for the whole application: the host must not call it again.</remarks>
    public static WebApplication MapExtensibleAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHub<ConsoleHub>(ConsoleHub.Path).RequireSameOrigin();
        return app;
    }

    // A Web SDK host finds the console's pages through its generated [ApplicationPart] list; a host built another way
    // (a test's, a worker's) does not. Add the assembly's parts unless they are there already.
    private static void AddConsolePart(ApplicationPartManager manager)
    {
        var assembly = typeof(AdminExtensions).Assembly;
        if (manager.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == assembly))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            manager.ApplicationParts.Add(part);
        }
    }
}
