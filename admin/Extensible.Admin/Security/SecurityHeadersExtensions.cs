using Microsoft.AspNetCore.Builder;

namespace Extensible.Admin.Security;

/// <summary>Adds <see cref="SecurityHeaders"/> to a pipeline.</summary>
public static class SecurityHeadersExtensions
{
    /// <summary>Sends the console's security headers (CSP and friends) with every response; call it early in the pipeline.</summary>
    public static IApplicationBuilder UseConsoleSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeaders>();
}
