using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace QmsPortal.Tests.Support;

/// <summary>How long <see cref="PortalProcess.StartAsync(PortalDatabase, PortalProcessOptions?)"/> waits, and for what.</summary>
public enum PortalReadiness
{
    /// <summary>/healthz answers 200.</summary>
    Healthy,

    /// <summary>/healthz answers at all (any status): for a portal expected to be up but not ready.</summary>
    Listening,

    /// <summary>Return at once: for a start expected to fail (then <see cref="PortalProcess.WaitForExitAsync"/>).</summary>
    None,
}

/// <summary>Settings of one real portal process; configuration keys use ':' as in appsettings.json.</summary>
public sealed record PortalProcessOptions
{
    /// <summary>Extra settings (or overrides of the defaults); a null value removes a setting.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string Environment { get; init; } = "Production";

    public PortalReadiness WaitFor { get; init; } = PortalReadiness.Healthy;

    /// <summary>Generous: the build machine is shared, and a first start on an empty database applies every migration.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>What a command-line verb printed and returned.</summary>
public sealed record PortalCommandResult(int ExitCode, string Output, string Error, TimeSpan Duration);

/// <summary>
/// The real, built portal (<c>src/QmsPortal.Web/bin/&lt;Configuration&gt;/net10.0/QmsPortal.Web.dll</c>, the same
/// configuration as this test assembly) started with <c>dotnet</c> as its own process, as production runs it:
/// environment Production, Kestrel on 127.0.0.1 at a free port, settings as environment variables. For what an
/// in-memory WebApplicationFactory cannot show: Host headers reaching Kestrel, start-up output, a kill -9.
/// Standard output and error are captured for assertions. Disposal kills what is still running and removes the
/// folders it made (and the database when the process made that too).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CapturedOutput _captured;
    private readonly bool _ownsDatabase;
    private readonly List<string> _ownedFolders;
    private HttpClient? _client;

    private PortalProcess(Process process, CapturedOutput captured, PortalDatabase database, bool ownsDatabase, int port, string filesRoot, List<string> ownedFolders)
    {
        _process = process;
        _captured = captured;
        Database = database;
        _ownsDatabase = ownsDatabase;
        Port = port;
        FilesRoot = filesRoot;
        _ownedFolders = ownedFolders;
    }

    public PortalDatabase Database { get; }

    public int Port { get; }

    /// <summary>http://127.0.0.1:port/ — also the portal's <c>Portal:PublicBaseUrl</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string FilesRoot { get; }

    public int ProcessId => _process.Id;

    /// <summary>Standard output so far (the console log).</summary>
    public string Output => _captured.Output;

    /// <summary>Standard error so far.</summary>
    public string Error => _captured.Error;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// A client of this portal that keeps cookies (so <see cref="Html"/> can post forms with their antiforgery token)
    /// and does not follow redirects. Any Host header: <see cref="Request"/>, or <c>DefaultRequestHeaders.Host</c> on
    /// a client of its own from <see cref="CreateClient"/>.
    /// </summary>
    public HttpClient Client => _client ??= CreateClient();

    /// <summary>A fresh client (its own cookies, e.g. another visitor); the caller disposes it.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The built portal this harness runs.</summary>
    public static string WebAssembly { get; } = FindWebAssembly();

    /// <summary>Starts a portal on a fresh database of the run's engine, removed with the process.</summary>
    public static async Task<PortalProcess> StartAsync(PortalProcessOptions? options = null)
    {
        var database = PortalDatabase.Create();
        try
        {
            return await StartAsync(database, options, ownsDatabase: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a portal on a database the test keeps (to restart on it, or look inside).</summary>
    public static Task<PortalProcess> StartAsync(PortalDatabase database, PortalProcessOptions? options = null) =>
        StartAsync(database, options, ownsDatabase: false);

    private static async Task<PortalProcess> StartAsync(PortalDatabase database, PortalProcessOptions? options, bool ownsDatabase)
    {
        options ??= new PortalProcessOptions();
        var port = FreePort();
        var owned = new List<string>();
        var environment = Environment(database, options, port, owned);
        var (process, captured) = Launch([], environment);
        var portal = new PortalProcess(process, captured, database, ownsDatabase, port, environment["Files__Root"]!, owned);
        try
        {
            if (options.WaitFor != PortalReadiness.None)
            {
                await portal.WaitUntilAsync(options.WaitFor, options.StartTimeout);
            }

            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a command-line verb (<c>tenant list</c>, …) as its own process with the same settings a portal on
    /// <paramref name="database"/> gets. Throws when it is still running after <paramref name="timeout"/> (then killed).
    /// </summary>
    public static async Task<PortalCommandResult> RunVerbAsync(PortalDatabase database, string[] args, IReadOnlyDictionary<string, string?>? settings = null, TimeSpan? timeout = null)
    {
        var owned = new List<string>();
        var environment = Environment(database, new PortalProcessOptions { Settings = settings ?? new Dictionary<string, string?>() }, port: null, owned);
        var (process, captured) = Launch(args, environment);
        var clock = Stopwatch.StartNew();
        try
        {
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{string.Join(' ', args)}` still ran after {clock.Elapsed.TotalSeconds:0} s.\n{captured.Describe()}");
            }

            // Exited, but the asynchronous readers may still hold the last lines.
            await process.WaitForExitAsync();
            return new PortalCommandResult(process.ExitCode, captured.Output, captured.Error, clock.Elapsed);
        }
        finally
        {
            process.Dispose();
            DeleteFolders(owned);
        }
    }

    /// <summary>A request with any Host header: Kestrel passes it to the portal as a browser's would be.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? host = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return request;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? host = null) => Client.SendAsync(Request(HttpMethod.Get, path, host));

    /// <summary>Waits until standard output or error contains <paramref name="text"/>; false when it did not in time.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!(Output.Contains(text, StringComparison.Ordinal) || Error.Contains(text, StringComparison.Ordinal)))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Waits for the process to end by itself; throws (after killing it) when it has not in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The portal still ran after {timeout.TotalSeconds:0} s.\n{_captured.Describe()}");
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd or docker stop sends it, then waits for a graceful exit.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited && NativeMethods.Kill(_process.Id, NativeMethods.SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill(SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>kill -9: no shutdown code runs, nothing is flushed or released but what the OS releases.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _client?.Dispose();
        _process.Dispose();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        DeleteFolders(_ownedFolders);
    }

    private async Task WaitUntilAsync(PortalReadiness readiness, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} before it was ready.\n{_captured.Describe()}");
            }

            try
            {
                using var response = await probe.GetAsync("/healthz");
                if (readiness == PortalReadiness.Listening || response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The portal was not {readiness} after {timeout.TotalSeconds:0} s.\n{_captured.Describe()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Settings as environment variables (<c>Database__Provider</c>, …): they override appsettings.json as in a
    /// deployment. Mail goes to the run's SMTP server when build/test.sh started one, else to a pickup folder.
    /// </summary>
    private static Dictionary<string, string?> Environment(PortalDatabase database, PortalProcessOptions options, int? port, List<string> owned)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-tests", "proc-" + Guid.NewGuid().ToString("N")[..12]);
        owned.Add(folder);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "false",
            ["Files:Root"] = Path.Combine(folder, "files"),
            ["Search:IndexRoot"] = Path.Combine(folder, "search"),
        };
        if (MailSink.Port is { } smtpPort)
        {
            settings["Email:SmtpHost"] = "127.0.0.1";
            settings["Email:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture);
            settings["Email:Security"] = "None";
        }
        else
        {
            settings["Email:PickupFolder"] = Path.Combine(folder, "mail");
        }

        if (port is not null)
        {
            settings["Portal:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = options.Environment;
        environment["DOTNET_ENVIRONMENT"] = options.Environment;
        environment["ASPNETCORE_URLS"] = port is null ? null : $"http://127.0.0.1:{port}";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }

    private static (Process Process, CapturedOutput Captured) Launch(string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root: static web assets, content-recipes and appsettings.json sit beside the binary.
            WorkingDirectory = Path.GetDirectoryName(WebAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var captured = new CapturedOutput();
        process.OutputDataReceived += (_, e) => captured.Add(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => captured.Add(e.Data, error: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, captured);
    }

    /// <summary>The test host runs under the dotnet host itself; use that one, else the one on PATH.</summary>
    private static string DotnetHost() =>
        System.Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static string FindWebAssembly()
    {
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QmsPortal.sln")))
            {
                var path = Path.Combine(folder.FullName, "src", "QmsPortal.Web", "bin", configuration, framework, "QmsPortal.Web.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution in {configuration} first: {path} is missing.", path);
            }
        }

        throw new DirectoryNotFoundException($"No QmsPortal.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A loopback port free a moment ago (the OS picks it); the portal binds it right after.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void DeleteFolders(List<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class CapturedOutput
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_output)
                {
                    return _error.ToString();
                }
            }
        }

        public void Add(string? line, bool error)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                (error ? _error : _output).Append(line).Append('\n');
            }
        }

        public string Describe() => $"--- stdout ---\n{Output}--- stderr ---\n{Error}";
    }

    private static class NativeMethods
    {
        public const int SigTerm = 15;

        // .NET sends only SIGKILL (Process.Kill); a graceful stop needs SIGTERM, sent through libc.
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
