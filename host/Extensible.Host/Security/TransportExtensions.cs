using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>
/// What the host knows of the connection before anything else looks at it: the client's address and whether it used
/// HTTPS, from a known reverse proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>; then HSTS on HTTPS.
/// Rate limits, the session cookie's <c>Secure</c> flag and the API's same-origin check all follow from these.
/// </summary>
public static class TransportExtensions
{
    /// <summary>Binds <see cref="ProxyOptions"/> (checked at start) and sets the forwarded headers and HSTS up from them.</summary>
    public static IHostApplicationBuilder AddExtensibleTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>().Configure<IConfiguration>((options, configuration) => ProxyOptionsBinding.Bind(configuration, options)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            // The framework trusts loopback by default, and everyone when both lists are empty: start from nothing.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            var trusted = proxies.Value;
            o.ForwardedHeaders = trusted.TrustsAnyProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var proxy in trusted.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.KnownNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // Walk back through every known proxy (a load balancer in front of nginx), stopping at the first address that
            // is not one: that is the client. Entries further left were written by the client and mean nothing.
            o.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>
    /// Applies forwarded headers from the known proxies, then sends <c>Strict-Transport-Security</c> with HTTPS
    /// responses outside Development. Call it first, before the security headers and authentication.
    /// </summary>
    public static WebApplication UseExtensibleTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
            if (proxies.TrustsAnyProxy)
            {
                TrustBoundaryLog.TrustingProxies(app.Logger, string.Join(", ", proxies.KnownProxies), string.Join(", ", proxies.KnownNetworks));
            }
        });
        return app;
    }
}
