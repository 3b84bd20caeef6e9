using Microsoft.AspNetCore.Mvc;

namespace Extensible.Host.Security;

/// <summary>
/// Gives the API's bare 401 and 403 answers (written by authentication and authorization, which send no body) a
/// problem-details body, and a 401 the <c>WWW-Authenticate: Bearer</c> challenge clients expect whichever scheme refused.
/// </summary>
public sealed class ApiRefusal(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline, then explains a refusal it left without a body.</summary>
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (!context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted || status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            return;
        }

        if (status == StatusCodes.Status401Unauthorized && string.IsNullOrEmpty(context.Response.Headers.WWWAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = status == StatusCodes.Status401Unauthorized
                ? new ProblemDetails { Status = status, Title = "Sign-in required", Detail = "Send a personal API token as 'Authorization: Bearer ext_…', or call from a signed-in console session." }
                : new ProblemDetails { Status = status, Title = "Not allowed", Detail = "You do not hold a capability this needs: your role in this workspace, or the server operator's, does not allow it." },
        });
    }
}
