using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Extensible.Admin.Shell;

/// <summary>
/// Enforces <c>[Authorize(Policy = …)]</c> on a page's handler methods, which Razor Pages on its own ignores: a page's
/// own policy lets someone look, and each handler that changes something declares the policy of its action, the same
/// one the API endpoint for that action names (<see cref="People.Policies"/>). A refusal is a Forbid, as for a page.
/// A post that names no handler the page has is bad input (400), never the page rendered without its handler's work.
/// </summary>
public sealed class HandlerAuthorization(IAuthorizationService authorization) : IAsyncPageFilter
{
    /// <summary>The policies a handler method declares.</summary>
    public static IReadOnlyList<string> PoliciesOf(MethodInfo handler) =>
        [.. handler.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).OfType<string>()];

    /// <inheritdoc/>
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestObjectResult("This page has no such action.");
            return;
        }

        if (context.HandlerMethod?.MethodInfo is { } handler)
        {
            foreach (var policy in PoliciesOf(handler))
            {
                if (!(await authorization.AuthorizeAsync(context.HttpContext.User, policy)).Succeeded)
                {
                    context.Result = new ForbidResult();
                    return;
                }
            }
        }

        await next();
    }
}
