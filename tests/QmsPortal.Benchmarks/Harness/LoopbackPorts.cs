using System.Net;
using System.Net.Sockets;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>Benchmarks listen only on 127.0.0.1, on the port range agreed for them (5100–5199).</summary>
internal static class LoopbackPorts
{
    public const int First = 5100;
    public const int Last = 5199;

    public static int Free()
    {
        for (var port = First; port <= Last; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by another run; try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
