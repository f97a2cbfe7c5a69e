using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Web.Data;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// The portal's real Program, configured as in production (environment <c>Production</c>, demo off unless
/// asked), on a given database. On Kestrel it listens on 127.0.0.1 at a port from 5100–5199; without Kestrel it
/// runs in memory, which is enough to provision communes through its services.
/// Adds one thing production does not have: <see cref="TrivialPath"/>, the yardstick for throughput ratios.
/// </summary>
internal sealed class BenchPortal : WebApplicationFactory<global::Program>
{
    public const string TrivialPath = "/__bench/trivial";

    private readonly BenchDatabase _database;
    private readonly bool _demo;
    private readonly string _environment;

    private readonly bool _withoutMailDispatcher;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private BenchPortal(BenchDatabase database, bool demo, string environment, bool withoutMailDispatcher = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _demo = demo;
        _environment = environment;
        _withoutMailDispatcher = withoutMailDispatcher;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public int? Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port ?? throw new InvalidOperationException("Not on Kestrel.")}/");

    public static BenchPortal StartOnKestrel(BenchDatabase database, bool demo = false, string environment = "Production")
    {
        var portal = new BenchPortal(database, demo, environment);
        portal.Port = LoopbackPorts.Free();
        portal.UseKestrel(portal.Port.Value);
        portal.Start();
        return portal;
    }

    /// <param name="withoutMailDispatcher">Mail stays queued: for measuring what queues it, not the sending.</param>
    /// <param name="settings">Configuration a verb needs besides the benchmark defaults (e.g. <c>Search:IndexRoot</c>).</param>
    public static BenchPortal StartInMemory(BenchDatabase database, bool demo = false, string environment = "Production", bool withoutMailDispatcher = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var portal = new BenchPortal(database, demo, environment, withoutMailDispatcher, settings);
        portal.Start();
        return portal;
    }

    /// <summary>
    /// WebApplicationFactory looks for MvcTestingAppManifest.json (which names the portal's content root) in the
    /// current directory; `dotnet run` leaves that at the caller's folder, so look from the program's own folder.
    /// </summary>
    private void Start()
    {
        var caller = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            StartServer();
        }
        finally
        {
            Directory.SetCurrentDirectory(caller);
        }
    }

    /// <summary>Runs code in a service scope acting as the benchmark (audit stamps say so).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("benchmark");
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Theme CSS lives in Razor class libraries; outside Development their files are found through this manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        builder.UseSetting("Portal:PublicBaseUrl", Port is { } port ? $"http://127.0.0.1:{port}" : "http://localhost");
        // Benchmarks sign in (and fail to) many times from one address; the limits are not what they measure.
        builder.UseSetting("SignIn:FormPostsPerClientPerMinute", "100000");
        builder.UseSetting("SignIn:FailuresPerClientAndAccount", "1000");
        builder.UseSetting("SignIn:FailuresPerAccount", "100000");
        // Keeps the lifetime chatter out of the printed figures; the portal's own logging stays as configured.
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        // Benchmarks run reminder passes themselves, when they measure them; the daily timer would run one on its own.
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new TrivialEndpoint());
            if (_withoutMailDispatcher)
            {
                // The dispatcher is registered as a hosted service through a factory; the one EmailRegistration adds is it.
                foreach (var dispatcher in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationFactory?.Method.DeclaringType?.DeclaringType == typeof(QmsPortal.Web.Email.EmailRegistration)).ToList())
                {
                    services.Remove(dispatcher);
                }
            }
        });
    }

    /// <summary>First in the pipeline, before tenancy, routing and Razor: the cheapest response this host can give.</summary>
    private sealed class TrivialEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(TrivialPath, trivial => trivial.Run(context =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("ok");
            }));
            next(app);
        };
    }
}
