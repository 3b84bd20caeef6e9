using System.Net;

namespace Extensible.Host.Security;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes, read from
/// <c>Extensible:KnownProxies</c> (IP addresses) and <c>Extensible:KnownNetworks</c> (CIDR ranges). With neither set,
/// forwarded headers are ignored from everyone, loopback included.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>The key of the proxies' addresses.</summary>
    public const string KnownProxiesKey = "Extensible:KnownProxies";

    /// <summary>The key of the proxies' networks.</summary>
    public const string KnownNetworksKey = "Extensible:KnownNetworks";

    /// <summary>Proxies trusted one address at a time, e.g. <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public IList<IPAddress> KnownProxies { get; } = [];

    /// <summary>Networks whose every address is a trusted proxy, e.g. <c>10.0.0.0/8</c> for a load balancer pool.</summary>
    public IList<IPNetwork> KnownNetworks { get; } = [];

    /// <summary>Whether any proxy is trusted, i.e. whether forwarded headers are applied at all.</summary>
    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Values that could not be read, each naming its key; start-up validation reports them.</summary>
    internal List<string> BindingProblems { get; } = [];
}
