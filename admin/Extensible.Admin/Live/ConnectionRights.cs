using System.Security.Claims;
using Extensible.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Admin.Live;

/// <summary>
/// Decides whether a console connection still holds the rights it was opened with, the way the HTTP pipeline would
/// decide for a new request: the session is still active, and the registered <see cref="IClaimsTransformation"/>, run on
/// the session cookie's identity, adds exactly the claims it added when the connection opened. Which claims those are
/// (workspace, role, capabilities) is the transformation's business: they are compared by type and value.
/// </summary>
public sealed class ConnectionRights(IOptionsMonitor<CookieAuthenticationOptions> cookies, PeopleDirectory directory, IHttpContextAccessor accessor)
{
    /// <summary>
    /// What <paramref name="context"/> was opened with: the identity in the request's session cookie (read the way the cookie
    /// handler reads it) and the claims the request added to it; null when the connection did not come with a session cookie.
    /// </summary>
    public LiveConnection? Describe(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetHttpContext() is not { } request || context.User is not { } user)
        {
            return null;
        }

        var options = cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = options.CookieManager.GetRequestCookie(request, options.Cookie.Name!);
        var identity = string.IsNullOrEmpty(cookie) ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal;
        if (identity is null
            || !Guid.TryParse(identity.FindFirstValue(ConsoleClaims.UserId), out var userId)
            || !Guid.TryParse(identity.FindFirstValue(ConsoleClaims.SessionId), out var sessionId))
        {
            return null;
        }

        return new LiveConnection(context, request, identity, userId, sessionId, Added(user, identity));
    }

    /// <summary>Whether <paramref name="connection"/>'s session is active and its person's rights are those it was opened with.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="services">Where to resolve the claims transformation: the hub call's scope, or a scope of the caller's.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> StillHoldsAsync(LiveConnection connection, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        if (!await directory.IsSessionActiveAsync(connection.SessionId, cancellationToken))
        {
            return false;
        }

        var now = await TransformAsync(services.GetRequiredService<IClaimsTransformation>(), connection);
        return Added(now, connection.Identity).SetEquals(connection.Granted);
    }

    // The transformation reads the request it runs for (the workspace chosen in the switcher): outside a hub call there is
    // none, so it is given the connection's. The change stays inside this async method's execution context.
    private async Task<ClaimsPrincipal> TransformAsync(IClaimsTransformation transformation, LiveConnection connection)
    {
        if (accessor.HttpContext is null)
        {
            accessor.HttpContext = connection.Request;
        }

        // ClaimsPrincipal.Clone shares its identities, and the transformation adds to them: copy them.
        return await transformation.TransformAsync(new ClaimsPrincipal(connection.Identity.Identities.Select(i => i.Clone())));
    }

    private static HashSet<(string Type, string Value)> Added(ClaimsPrincipal principal, ClaimsPrincipal identity)
    {
        var own = identity.Claims.Select(c => (c.Type, c.Value)).ToHashSet();
        return [.. principal.Claims.Select(c => (c.Type, c.Value)).Where(c => !own.Contains(c))];
    }
}
