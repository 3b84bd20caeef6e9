using System.Net;
using System.Net.Sockets;

namespace Extensible.EmbeddedPostgres;

/// <summary>Finds and probes TCP ports on 127.0.0.1.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the kernel considers free right now; someone may still take it before PostgreSQL binds it.</summary>
    public static int PickFree()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>True when PostgreSQL could listen on the port now: nobody listens there (old connections don't count).</summary>
    public static bool IsFree(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // PostgreSQL binds with SO_REUSEADDR, so connections of a stopped server lingering in TIME_WAIT don't block it.
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
