using Extensible.People;

namespace Extensible.Host.Security;

/// <summary>Until an owner exists, the console has one page: setup. Health, static files and the API answer as usual.</summary>
internal sealed class FirstRunGate(RequestDelegate next, PeopleDirectory directory)
{
    private volatile bool _setUp;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!_setUp && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/readyz")
            && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi")
            && HttpMethods.IsGet(context.Request.Method))
        {
            _setUp = await directory.AnyUserAsync(context.RequestAborted);
            if (!_setUp)
            {
                context.Response.Redirect("/setup");
                return;
            }
        }

        await next(context);
    }
}
