using System.Threading.RateLimiting;
using Extensible.Host.Security.KeyRing;
using Extensible.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Extensible.Host.Security;

/// <summary>Who the caller is and what they may do: cookies for people, bearer tokens for the API, named policies for both.</summary>
public static class SecurityExtensions
{
    /// <summary>The rate limit of sign-in attempts.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>The rate limit of API calls.</summary>
    public const string ApiLimit = "api";

    private const string Smart = "Extensible";

    /// <summary>Adds authentication, the role policies, rate limits and data protection keys kept in PostgreSQL.</summary>
    public static IHostApplicationBuilder AddExtensibleSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddPeople();
        services.AddAuthentication(Smart)
            // API tokens open the API only; the console's pages and hub take the session cookie.
            .AddPolicyScheme(Smart, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ext-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateSessionAsync,
                    OnRedirectToLogin = context => ApiAnswersWith(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiAnswersWith(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddTransient<IClaimsTransformation, WorkspaceClaimsTransformation>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Member, p => p.RequireClaim(ConsoleClaims.Role, Roles(Role.Analyst, Role.Moderator, Role.Editor, Role.Admin, Role.Owner)))
            .AddPolicy(Policies.Compose, p => p.RequireClaim(ConsoleClaims.Role, Roles(Role.Editor, Role.Admin, Role.Owner)))
            .AddPolicy(Policies.Moderate, p => p.RequireClaim(ConsoleClaims.Role, Roles(Role.Moderator, Role.Admin, Role.Owner)))
            .AddPolicy(Policies.Administer, p => p.RequireClaim(ConsoleClaims.Role, Roles(Role.Admin, Role.Owner)))
            .AddPolicy(Policies.Owner, p => p.RequireClaim(ConsoleClaims.Role, Roles(Role.Owner)));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(ApiLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } token ? token : context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }));
        });

        builder.AddExtensibleKeyRing();
        return builder;
    }

    /// <summary>Authentication, the first-run gate, authorization and rate limits, in that order.</summary>
    public static WebApplication UseExtensibleSecurity(this WebApplication app)
    {
        app.UseMiddleware<ApiRefusal>();
        app.UseAuthentication();
        app.UseMiddleware<FirstRunGate>();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static string[] Roles(params Role[] roles) => [.. roles.Select(r => r.ToString())];

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var directory = context.HttpContext.RequestServices.GetRequiredService<PeopleDirectory>();
        if (!Guid.TryParse(context.Principal?.FindFirst(ConsoleClaims.SessionId)?.Value, out var session)
            || !await directory.IsSessionActiveAsync(session, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // The API answers with status codes; only the console redirects to its sign-in page.
    private static Task ApiAnswersWith(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs") || context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
