using System.Net;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>An XRPC call the network refused, with its status and body.</summary>
public sealed class XrpcException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
