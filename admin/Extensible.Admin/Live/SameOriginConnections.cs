using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Extensible.Admin.Live;

/// <summary>
/// Refuses hub requests sent by another site's page. Browsers send the session cookie with a WebSocket opened by
/// any page, and a WebSocket is not bound by CORS: without this check a page elsewhere could listen to the inbox.
/// </summary>
internal static class SameOriginConnections
{
    public static TBuilder RequireSameOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (IsSameOrigin(context.Request))
                {
                    return next(context);
                }

                LiveLog.CrossOriginRefused(context.RequestServices.GetRequiredService<ILogger<ConsoleHub>>(),
                    context.Request.Headers.Origin.ToString(), context.Request.Host.Value ?? "");
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    // Same-origin GETs carry no Origin; anything that does must name this host. Only the authority is compared, so a
    // TLS-terminating proxy that forwards the Host header works without forwarded-headers set up.
    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
