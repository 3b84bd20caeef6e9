namespace Extensible.Host.Security;

/// <summary>Log messages of what the host refuses at its edge: cross-site API calls, callers over their rate limit.</summary>
internal static partial class TrustBoundaryLog
{
    [LoggerMessage(110, LogLevel.Warning, "Refused a {Method} {Path} with a console session: {Reason} (Origin '{Origin}', server '{Server}')")]
    public static partial void CookieApiCallRefused(ILogger logger, string method, string path, string reason, string origin, string server);

    [LoggerMessage(111, LogLevel.Information, "Rate limit reached for {Path} from {ClientAddress}")]
    public static partial void RateLimited(ILogger logger, string path, string clientAddress);

    [LoggerMessage(112, LogLevel.Information, "Applying X-Forwarded-For and X-Forwarded-Proto from the known proxies {Proxies} and networks {Networks}")]
    public static partial void TrustingProxies(ILogger logger, string proxies, string networks);
}
