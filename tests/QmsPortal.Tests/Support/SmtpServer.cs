using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QmsPortal.Tests.Support;

/// <summary>What kind of server build/smtp-sink.py plays (its command-line options).</summary>
public sealed record SmtpServerOptions
{
    /// <summary>Offer STARTTLS with this certificate.</summary>
    public TestCertificate? StartTls { get; init; }

    /// <summary>TLS from the first byte with this certificate (as on port 465).</summary>
    public TestCertificate? ImplicitTls { get; init; }

    /// <summary>Require AUTH with this user name and password.</summary>
    public (string User, string Password)? Credentials { get; init; }

    /// <summary>Wait this long after storing each message before confirming it.</summary>
    public int DelayMs { get; init; }

    /// <summary>Accept this many messages, then refuse every recipient with 550.</summary>
    public int? RejectAfter { get; init; }
}

/// <summary>
/// A second real SMTP server (build/smtp-sink.py, as build/test.sh runs it) that a test starts and stops itself, to
/// show what happens while the mail server is down and after it comes back, or with TLS, sign-in, a slow server.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly bool _ownsFolder;

    private SmtpServer(Process process, int port, string folder, bool ownsFolder)
    {
        _process = process;
        Port = port;
        Folder = folder;
        _ownsFolder = ownsFolder;
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

    /// <summary>A new temporary folder for a server's messages (to share between a server and its restart).</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-tests", "smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Starts a server on <paramref name="port"/>. With <paramref name="folder"/> given (a restart), the messages go on
    /// being written there and disposal leaves it for the caller; otherwise a fresh folder is removed on disposal.
    /// </summary>
    public static async Task<SmtpServer> StartAsync(int port, SmtpServerOptions? options = null, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= NewFolder();
        options ??= new SmtpServerOptions();
        var script = Path.Combine(RepositoryRoot(), "build", "smtp-sink.py");
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true };
        var arguments = new List<string> { script, "--port", Invariant(port), "--folder", folder };
        if (options.StartTls is { } startTls)
        {
            arguments.AddRange(["--starttls", startTls.CertificateFile, startTls.KeyFile]);
        }

        if (options.ImplicitTls is { } implicitTls)
        {
            arguments.AddRange(["--implicit-tls", implicitTls.CertificateFile, implicitTls.KeyFile]);
        }

        if (options.Credentials is { } credentials)
        {
            arguments.AddRange(["--user", credentials.User, "--password", credentials.Password]);
        }

        if (options.DelayMs > 0)
        {
            arguments.AddRange(["--delay-ms", Invariant(options.DelayMs)]);
        }

        if (options.RejectAfter is { } rejectAfter)
        {
            arguments.AddRange(["--reject-after", Invariant(rejectAfter)]);
        }

        foreach (var argument in arguments)
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
                return new SmtpServer(process, port, folder, ownsFolder);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"The SMTP server did not listen on port {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>The server goes away (as a crashed or stopped mail server); its folder stays.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        if (_ownsFolder && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
