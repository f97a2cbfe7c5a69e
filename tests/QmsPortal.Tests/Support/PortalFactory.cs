using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Support;

/// <summary>
/// The whole portal in memory on a real, fresh database: SQLite by default, PostgreSQL when
/// <c>QMS_TEST_DB=Postgres</c> and <c>QMS_TEST_PG</c> hold a server connection string (the test script sets both).
/// One factory per test class (<c>IClassFixture&lt;PortalFactory&gt;</c>), so each class starts with its own database and communes.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DefaultPassword = "Thu@nghiem2025";

    private static int _sequence;
    private readonly string _databaseName = "qms_t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string? _sqlitePath;

    public PortalFactory()
    {
        if (!UsesPostgres)
        {
            var folder = Path.Combine(Path.GetTempPath(), "qms-tests");
            Directory.CreateDirectory(folder);
            _sqlitePath = Path.Combine(folder, _databaseName + ".db");
        }
    }

    /// <summary>The configured address links in mail, QR codes and the API are built on.</summary>
    public const string PublicBaseUrl = "http://localhost";

    /// <summary>Header by which a test says which client address a request comes from (the in-memory server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static bool UsesPostgres => Environment.GetEnvironmentVariable("QMS_TEST_DB") == "Postgres";

    /// <summary>The portal's clock; tests move it instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    public string ConnectionString => UsesPostgres
        ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("QMS_TEST_PG")
            ?? throw new InvalidOperationException("QMS_TEST_PG must hold the PostgreSQL connection string.")) { Database = _databaseName }.ToString()
        : $"Data Source={_sqlitePath}";

    private static readonly string Run = Guid.NewGuid().ToString("N")[..6];

    /// <summary>The file store of this factory (attachments), removed with the factory.</summary>
    public string FilesRoot => Path.Combine(Path.GetTempPath(), "qms-tests", _databaseName + "-files");

    /// <summary>A number unique in this test run, for codes and slugs.</summary>
    public static int Next() => Interlocked.Increment(ref _sequence);

    /// <summary>An address no other test process uses (test runs share the SMTP server's folder).</summary>
    public static string UniqueEmail(string prefix = "nguoidung") => $"{prefix}{Next()}.{Run}@thu.vn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", UsesPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        // Tests run reminder passes themselves, on days they choose; the daily timer would run one on its own.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        // Test classes sign in dozens of times from one in-memory client; the per-client form limit has its own tests.
        builder.UseSetting("SignIn:FormPostsPerClientPerMinute", "100000");
        if (MailSink.Port is { } smtpPort)
        {
            // The real SMTP server build/test.sh starts; mail is read back from its folder (MailSink).
            builder.UseSetting("Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Email:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Security", "None");
        }
        else
        {
            builder.UseSetting("Email:PickupFolder", Path.Combine(Path.GetTempPath(), "qms-tests", "mail"));
        }

        builder.UseSetting("Files:Root", FilesRoot);
        builder.UseSetting("Search:IndexRoot", FilesRoot + "-search");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new TestClientAddress());
            ConfigureTestServices(services);
        });
    }

    /// <summary>For fixtures that need extra settings (e.g. SMTP); called after the defaults.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public HttpClient Anonymous(string? host = null) => NewClient(host);

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    protected virtual HttpClient NewClient(string? host)
    {
        // The test server takes the request's host from its address, not from a Host header.
        return CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri($"http://{host ?? "localhost"}/"),
        });
    }

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DefaultPassword)
    {
        var client = Anonymous();
        var response = await Html.PostFormAsync(client, "/tai-khoan/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Runs code in a service scope; with a commune given, as a request of that commune would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, TenantInfo? commune = null)
    {
        await using var scope = Services.CreateAsyncScope();
        if (commune is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(commune);
        }

        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work, TenantInfo? commune = null) =>
        InScopeAsync<bool>(async sp =>
        {
            await work(sp);
            return true;
        }, commune);

    /// <summary>A fresh commune with safe defaults; pass recipes to apply (none by default, to keep tests fast).</summary>
    public Task<TenantInfo> CreateCommuneAsync(string? slug = null, string provinceCode = "42", string[]? recipes = null, string? host = null, string theme = "Default")
    {
        var n = Next();
        slug ??= $"xa-thu-{n}";
        var spec = new CommuneSpec(slug, $"Xã Thử Nghiệm {n}", (10000 + n).ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
            provinceCode, CommuneKind.Xa, theme, host is null ? null : [host]);
        return InScopeAsync(sp => sp.GetRequiredService<CommuneProvisioner>().ProvisionAsync(spec, recipes ?? []));
    }

    /// <summary>A user with roles in communes and, optionally, platform roles.</summary>
    public Task<string> CreateUserAsync(string? email = null, IEnumerable<(TenantInfo Commune, CommuneRole Role)>? memberships = null,
        string? platformRole = null, string? supervisedProvince = null, string fullName = "Nguyễn Văn Thử")
    {
        email ??= UniqueEmail();
        return InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true, SupervisedProvinceCode = supervisedProvince };
            var result = await users.CreateAsync(user, DefaultPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            if (platformRole is not null)
            {
                await users.AddToRoleAsync(user, platformRole);
            }

            var db = sp.GetRequiredService<QmsDbContext>();
            foreach (var (commune, role) in memberships ?? [])
            {
                db.Memberships.Add(new TenantMembership { TenantId = commune.Id, UserId = user.Id, Role = role });
            }

            await db.SaveChangesAsync();
            return email;
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (UsesPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // .migrating: the lock file the portal keeps beside a SQLite database it migrated (Data/StartupMigrations.cs).
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm", _sqlitePath + ".migrating" })
            {
                File.Delete(file);
            }
        }

        foreach (var folder in new[] { FilesRoot, FilesRoot + "-search" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Gives requests the client address named by <see cref="ClientAddressHeader"/>, as a real connection would have one.</summary>
    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
