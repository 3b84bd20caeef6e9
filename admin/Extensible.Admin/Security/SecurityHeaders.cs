using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Extensible.Admin.Security;

/// <summary>
/// Adds the console's security headers to every response: a strict Content-Security-Policy (scripts and styles
/// only from the server's own files, so text from strangers can never run), no sniffing, no framing.
/// A response that already carries one of these headers keeps its own.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The Content-Security-Policy every console page is served with.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly KeyValuePair<string, StringValues>[] Headers =
    [
        new(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy),
        new(HeaderNames.XContentTypeOptions, "nosniff"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
        new(HeaderNames.XFrameOptions, "DENY"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    /// <summary>Registers the headers to be written when the response starts (so error pages carry them too).</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in Headers)
            {
                headers.TryAdd(name, value);
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
