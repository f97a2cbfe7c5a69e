using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QmsPortal.Tests.Support;

/// <summary>
/// A second real SMTP server (build/smtp-sink.py, as build/test.sh runs it) that a test starts and stops itself, to
/// show what happens while the mail server is down and after it comes back.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>A loopback port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpServer> StartAsync(int port)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-tests", "smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var script = Path.Combine(RepositoryRoot(), "build", "smtp-sink.py");
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", folder })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpServer(process, port, folder);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"The SMTP server did not listen on port {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QmsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QmsPortal.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
