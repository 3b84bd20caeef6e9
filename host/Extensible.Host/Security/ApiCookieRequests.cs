using Extensible.Admin;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Extensible.Host.Security;

/// <summary>
/// Holds an API call made with the console's session cookie to what the console's own forms are held to. A browser
/// sends that cookie (SameSite=Lax) with requests from any page of the same site — another port, another subdomain —
/// so such a call may change something only when it carries the console's antiforgery token (the
/// <see cref="AdminExtensions.AntiforgeryHeader"/> header) and comes from this server's own origin (its <c>Origin</c>,
/// or <c>Referer</c> without one: scheme, host and port, as forwarded headers from a known proxy give them). Safe
/// methods and API token callers, whose credential no browser adds by itself, pass as they are.
/// </summary>
internal sealed class ApiCookieRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, IProblemDetailsService problems, ILogger<ApiCookieRequests> logger)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || IsSafe(request.Method) || !HasAmbientCredential(context))
        {
            await next(context);
            return;
        }

        var refusal = await RefusalAsync(context, antiforgery);
        if (refusal is not { } why)
        {
            await next(context);
            return;
        }

        TrustBoundaryLog.CookieApiCallRefused(logger, request.Method, request.Path.Value ?? "", why.Reason, request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused",
                Detail = $"{why.Detail} With a console session the API changes things only for the console's own pages; integrations use an API token (Authorization: Bearer ext_…).",
            },
        });
    }

    private static async Task<(string Reason, string Detail)?> RefusalAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        var origin = StatedOrigin(request);
        if (origin is null)
        {
            return ("no origin", "The request names no origin (no Origin or Referer header).");
        }

        if (OwnOrigin(request) is not { } server || Uri.Compare(origin, server, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return ("another origin", $"The request comes from another origin ({origin.GetLeftPart(UriPartial.Authority)}) than this server's own.");
        }

        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : ("no valid antiforgery token", $"The request carries no valid antiforgery token (the console sends it in the {AdminExtensions.AntiforgeryHeader} header).");
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    // Anything but an API token is a credential the browser sends on its own (today: the session cookie). Fail closed.
    private static bool HasAmbientCredential(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType != ApiTokenAuthenticationHandler.SchemeName);

    private static Uri? StatedOrigin(HttpRequest request)
    {
        var stated = request.Headers[HeaderNames.Origin].ToString();
        if (stated.Length == 0)
        {
            stated = request.Headers[HeaderNames.Referer].ToString();
        }

        // "null" (a sandboxed frame, a redirect across origins) names no origin at all.
        return Uri.TryCreate(stated, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static Uri? OwnOrigin(HttpRequest request) =>
        Uri.TryCreate($"{request.Scheme}://{request.Host.ToUriComponent()}", UriKind.Absolute, out var uri) ? uri : null;
}
