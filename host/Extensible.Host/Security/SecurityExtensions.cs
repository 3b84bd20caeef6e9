using Extensible.Host.Security.KeyRing;
using Extensible.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

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

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Every policy from the one declaration of who may do what.
        foreach (var (name, rule) in Policies.Rules)
        {
            authorization.AddPolicy(name, p =>
            {
                p.RequireAuthenticatedUser();
                if (rule.AnyOf is { } anyOf)
                {
                    p.RequireClaim(ConsoleClaims.Capability, anyOf);
                }
            });
        }

        services.AddExtensibleRateLimits();

        builder.AddExtensibleKeyRing();
        return builder;
    }

    /// <summary>Authentication, rate limits, the API's cross-site check for session cookies, the first-run gate and authorization, in that order.</summary>
    public static WebApplication UseExtensibleSecurity(this WebApplication app)
    {
        app.UseMiddleware<ApiRefusal>();
        app.UseAuthentication();
        // Before authorization, so calls it refuses (a made-up token) count too; after authentication, which names the caller.
        app.UseRateLimiter();
        app.UseMiddleware<ApiCookieRequests>();
        app.UseMiddleware<FirstRunGate>();
        app.UseAuthorization();
        return app;
    }

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
