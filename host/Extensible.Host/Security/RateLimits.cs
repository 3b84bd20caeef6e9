using System.Net;
using System.Threading.RateLimiting;
using Extensible.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>
/// The host's rate limits, sized by <see cref="RateLimitOptions"/>. Sign-in pages are limited per client address; API
/// calls per valid token, per console person, and otherwise (no token, a wrong one) per client address, so rotating
/// made-up tokens buys nothing and no secret is ever a key in memory. The client address is the one forwarded headers
/// from a known proxy give (see <see cref="ProxyOptions"/>), so one client behind the proxy cannot use up everyone's.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddExtensibleRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().Configure<IConfiguration>((options, configuration) => RateLimitOptionsBinding.Bind(configuration, options)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidation>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RefuseAsync;
            o.AddPolicy(SecurityExtensions.SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                "address:" + ClientAddress(context), _ => PerMinute(limits.Value.SignInPerMinute)));
            o.AddPolicy(SecurityExtensions.ApiLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiCaller(context), _ => PerMinute(limits.Value.ApiPerMinute)));
        });
        return services;
    }

    /// <summary>The client's address as the limits see it: IPv4 clients of a dual-stack socket count as IPv4.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
    };

    // Runs after authentication: only a token that authenticated is its own partition.
    private static string ApiCaller(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(ConsoleClaims.TokenId)?.Value is { } tokenId)
        {
            return "token:" + tokenId;
        }

        return user.Identity?.IsAuthenticated == true && user.FindFirst(ConsoleClaims.UserId)?.Value is { } person
            ? "person:" + person
            : "address:" + ClientAddress(context);
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        TrustBoundaryLog.RateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits)), context.Request.Path, ClientAddress(context));
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Wait for the time in Retry-After, then try again." },
            });
        }
    }
}
