using Extensible.Host.Security;
using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api</c>: the API's reference, Scalar's maintained UI over <c>/openapi/v1.json</c>. Its script is served by the host
/// from the package (never a CDN: servers here often have no internet), with no fonts, telemetry, AI agent or request
/// proxy from elsewhere.
/// </summary>
internal static class ApiReference
{
    /// <summary>Where the reference answers; its script and styles are under it.</summary>
    public const string Path = "/api";

    /// <summary>
    /// The console's policy, loosened for this page alone: Scalar's one inline start-up script runs by a fresh nonce
    /// per response, and the styles its components insert at run time need inline styles. Everything still comes from this host.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, o => o
                .WithTitle("Extensible API v1")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1", "Extensible API v1")
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideClientButton()
                .HideDeveloperTools()
                .ExpandAllTags())
            .AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.ApiLimit)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                // Scalar makes the nonce while it renders: the header is written as the response starts, after that.
                var http = context.HttpContext;
                http.Response.OnStarting(() =>
                {
                    if (http.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                    {
                        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy(nonce);
                    }

                    return Task.CompletedTask;
                });
                return await next(context);
            });
}
