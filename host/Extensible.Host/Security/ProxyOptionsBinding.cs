using System.Net;
using System.Net.Sockets;

namespace Extensible.Host.Security;

/// <summary>
/// Reads <see cref="ProxyOptions"/> by hand: each value may be a list (<c>Extensible:KnownProxies:0</c>, <c>:1</c>, …) or one
/// comma-separated value (handy as <c>Extensible__KnownProxies=10.0.0.5,10.0.0.6</c>), and a value that is not an address
/// becomes a start-up error naming its key instead of a proxy silently not trusted (or trusted too widely).
/// </summary>
internal static class ProxyOptionsBinding
{
    public static void Bind(IConfiguration configuration, ProxyOptions options)
    {
        foreach (var (key, value) in Values(configuration, ProxyOptions.KnownProxiesKey))
        {
            // IPAddress also reads legacy forms such as "10.1" (10.0.0.1); a setting that trusts must say what it means.
            if (IPAddress.TryParse(value, out var address) && (address.AddressFamily == AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.BindingProblems.Add($"{key} must be an IP address, like 10.0.0.5 or fd00::5 (was '{value}'); use {ProxyOptions.KnownNetworksKey} for a range.");
            }
        }

        foreach (var (key, value) in Values(configuration, ProxyOptions.KnownNetworksKey))
        {
            if (!value.Contains('/', StringComparison.Ordinal) || !IPNetwork.TryParse(value, out var network))
            {
                options.BindingProblems.Add($"{key} must be a network in CIDR notation, like 10.0.0.0/8 or fd00::/8 (was '{value}'); use {ProxyOptions.KnownProxiesKey} for one address.");
            }
            else if (!IPAddress.TryParse(value.AsSpan(0, value.IndexOf('/', StringComparison.Ordinal)), out var written) || !written.Equals(network.BaseAddress))
            {
                // 10.0.0.1/8: a typo for 10.0.0.1/32 or for 10.0.0.0/8? Trusting the wider one by guess is not for a setting like this.
                options.BindingProblems.Add($"{key} must name its network's first address, like 10.0.0.0/8 (was '{value}', whose address has bits beyond its prefix).");
            }
            else if (network.PrefixLength == 0)
            {
                // 0.0.0.0/0 would let anyone on the internet claim any client address.
                options.BindingProblems.Add($"{key} must not be a network of every address (was '{value}'): name the proxies' own network.");
            }
            else
            {
                options.KnownNetworks.Add(network);
            }
        }
    }

    // Both "10.0.0.5,10.0.0.6" at the key itself and one value per child key; each with the key to name in an error.
    private static IEnumerable<(string Key, string Value)> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var entries = section.Value is { } list ? [(key, list)] : section.GetChildren().Select(child => (child.Path, child.Value ?? ""));
        foreach (var (path, text) in entries)
        {
            foreach (var value in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (path, value.Length > 100 ? value[..100] + "…" : value);
            }
        }
    }
}
