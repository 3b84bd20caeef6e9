using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Extensible.Plugins.Network;

/// <summary>
/// Keeps plugins' HTTP calls on the public internet. A connector calls the server a workspace Admin typed in (a
/// Mastodon instance, a Bluesky PDS): without this, that Admin could make the host call its own loopback services,
/// the machine's private network or a cloud's metadata address, and read the answers back in error messages. Every
/// connection a plugin's <see cref="HttpClient"/> opens (redirects included) is checked against the address it
/// actually connects to, after DNS, so a name that resolves to a private address is refused too. Operators whose
/// networks run on their own LAN allow it with <see cref="PluginsOptions.AllowPrivateNetworks"/>.
/// </summary>
internal sealed class PluginNetworkGuard(IOptionsMonitor<PluginsOptions> options) : IHttpMessageHandlerBuilderFilter
{
    /// <summary>The prefix of the named <see cref="HttpClient"/>s the runtime hands plugins.</summary>
    internal const string ClientPrefix = "plugin:";

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name?.StartsWith(ClientPrefix, StringComparison.Ordinal) == true)
        {
            builder.PrimaryHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync };
        }
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var allowPrivate = options.CurrentValue.AllowPrivateNetworks;
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(addresses.Length == 0
                ? $"'{endpoint.Host}' has no address."
                : $"Plugins may not call '{endpoint.Host}' ({addresses[0]}): it is a loopback, private or link-local address. An operator can allow it with Extensible:Plugins:AllowPrivateNetworks=true.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, shared, multicast or unspecified.</summary>
    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)   // shared address space (carrier-grade NAT)
                || (b[0] == 169 && b[1] == 254)                // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)     // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xfe) == 0xfc                        // unique local fc00::/7
            || address.IsIPv6Teredo
            || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b)); // NAT64 64:ff9b::/96 reaches IPv4 behind it
    }
}
