using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>province</c> (issue 12): N communes over the 34 provinces with one large province, each holding a year of audit
/// records (Harness/AuditLoader) and a library of issued documents (Harness/DocumentLoader), the large province's communes
/// also posting its TTHC catalogue; then the province's compliance table <c>/tinh/{code}</c> and its XLSX export, timed one
/// request at a time as the province's auditor.
/// </summary>
internal static class ProvinceBenchmark
{
    public const string Usage =
        "province [--count 3321] [--largest 160] [--documents 30] [--requests 50] [--exports 10] [--warmup 10] [--provider Sqlite|Postgres] [--connection ...] [--keep]";

    /// <summary>Hà Tĩnh: the measured province gets the first <c>--largest</c> communes, the others share the rest.</summary>
    private const string Largest = "42";

    private const string Password = "Bench-province-2025!";

    private static readonly string[] Valued = ["--count", "--largest", "--documents", "--requests", "--exports", "--warmup", "--provider", "--connection"];
    private static readonly string[] Flags = ["--keep", "--explain"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var count = options.Int("--count", 3321, 34, CommuneSeeder.MaxCount);
        var largest = options.Int("--largest", 160, 1, count);
        var documents = options.Int("--documents", 30, 0, 1000);
        var requests = options.Int("--requests", 50, 1, 10000);
        var exports = options.Int("--exports", 10, 1, 1000);
        var warmUp = options.Int("--warmup", 10, 0, 1000);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");
        var loadBefore = LoadAverage();

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), options.Has("--keep"));
        Console.WriteLine($"province: {count} communes ({largest} in province {Largest}) × a year of records on {database.Provider} ({database.Location})");
        await using var portal = BenchPortal.StartOnKestrel(database);

        var seedWatch = Stopwatch.StartNew();
        var provinces = await CommuneSeeder.ProvinceCodesAsync(portal);
        var others = provinces.Where(p => p != Largest).ToList();
        for (var number = 1; number <= count; number++)
        {
            // The large province first, then the other 33 in turn (so none of them comes near the large one).
            var spec = CommuneSeeder.Spec(number, provinces) with { ProvinceCode = number <= largest ? Largest : others[number % others.Count] };
            await portal.InScopeAsync(sp => sp.GetRequiredService<CommuneProvisioner>().ProvisionAsync(spec, []));
            if (number % 500 == 0 || number == count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  created {number}/{count} communes in {seedWatch.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        var seedSeconds = seedWatch.Elapsed.TotalSeconds;
        var tenants = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Slug.StartsWith("xa-tai-")).OrderBy(t => t.Id).Select(t => new DocumentsBenchmark.TenantRow(t.Id, t.Slug)).ToListAsync());
        var inLargest = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.ProvinceCode == Largest).OrderBy(t => t.Id).Select(t => new TenantInfoRow(t.Id, t.Slug)).ToListAsync());

        var today = VietnameseFormat.Today(TimeProvider.System);
        var load = Stopwatch.StartNew();
        var year = await AuditLoader.LoadAsync(database, tenants, today);
        if (documents > 0)
        {
            await DocumentLoader.LoadAsync(database, tenants, documents, 2);
        }

        var recordsSeconds = load.Elapsed.TotalSeconds;
        load.Restart();
        var postings = await PostCatalogueAsync(portal, inLargest);
        var postingsSeconds = load.Elapsed.TotalSeconds;
        var dbBytes = database.SizeBytes();

        var email = await AuditorAsync(portal);
        using var client = LoopbackHttp.Client(portal.BaseAddress, 1, new CookieContainer());
        await BenchUsers.SignInAsync(client, email, Password);

        var tablePath = $"/tinh/{Largest}";
        var exportPath = $"/tinh/{Largest}/tuan-thu.xlsx";

        // A 200 alone could be an empty table: it must show every commune of the province with the loaded records.
        var html = await client.GetStringAsync(tablePath);
        var rows = html.Split("<tr data-tenant=").Length - 1;
        if (rows != inLargest.Count || !html.Contains($"/{inLargest[0].Slug}/danh-gia/xem-xet-lanh-dao/", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{tablePath} shows {rows} rows for {inLargest.Count} communes, or not the loaded review records.");
            return 1;
        }

        var failures = new List<string>();
        for (var i = 0; i < warmUp; i++)
        {
            Check(await LoopbackHttp.TimeAsync(client, tablePath), failures);
            Check(await LoopbackHttp.TimeAsync(client, exportPath), failures);
        }

        using var queries = new QueryCounter();
        var (table, tableBytes, tableSql) = await MeasureAsync(client, queries, tablePath, requests, failures);
        var (export, exportBytes, exportSql) = await MeasureAsync(client, queries, exportPath, exports, failures);

        // The loader alone, in process: what the page adds on top of it is rendering and the HTTP round trip.
        var loaderTimings = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await portal.InScopeAsync(sp => sp.GetRequiredService<ProvinceCompliance>().LoadAsync(Largest, today));
            loaderTimings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var loader = Stats.Summarize(loaderTimings);
        var loadAfter = LoadAverage();
        if (options.Has("--explain") && database.Provider == "Sqlite")
        {
            queries.Capture = [];
            Check(await LoopbackHttp.TimeAsync(client, tablePath), failures);
            var captured = queries.Capture;
            queries.Capture = null;
            QueryPlans.Print(database, tablePath, captured);
        }

        new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Loading {tenants.Count:N0} communes ({inLargest.Count} in province {Largest}) on {database.Provider}"), "figure", "value", "unit")
            .Row("communes created (no recipe)", seedSeconds, "s")
            .Row("audit records + documents loaded", recordsSeconds, "s")
            .Row("audit record rows", year.Rows, "rows")
            .Row("documents per commune", documents, "documents")
            .Row($"TTHC posted in each commune of {Largest}", postings, "postings")
            .Row("postings loaded", postingsSeconds, "s")
            .Row(database.Provider == "Sqlite" ? "database size (file + WAL)" : "database size (pg_database_size)", dbBytes / 1024.0 / 1024.0, "MB")
            .Print();
        new ReportTable($"Signed in as the province auditor of {Largest}, one request at a time (after {warmUp} warm-up requests of each)",
                "request", "n", "median ms", "p95 ms", "p99 ms", "max ms", "SQL/request", "bytes", "target")
            .Row($"compliance table {tablePath}", table.Count, table.Median, table.P95, table.P99, table.Max, tableSql, tableBytes, "median ≤ 100 ms")
            .Row($"XLSX export {exportPath}", export.Count, export.Median, export.P95, export.P99, export.Max, exportSql, exportBytes, "≤ 2,000 ms")
            .Row("ProvinceCompliance.LoadAsync alone (in process)", loader.Count, loader.Median, loader.P95, loader.P99, loader.Max, "", "", "")
            .Print();
        Console.WriteLine($"  machine load average (1/5/15 min): before {loadBefore}, after {loadAfter}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  failed requests: {failures.Count}");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  failure: " + failure);
        }

        JsonLine.Print(new
        {
            benchmark = "province",
            communes = tenants.Count,
            largestProvince = new { code = Largest, communes = inLargest.Count },
            provider = database.Provider,
            load = new
            {
                communesSeconds = JsonLine.Round(seedSeconds),
                recordsSeconds = JsonLine.Round(recordsSeconds),
                auditRows = year.Rows,
                documentsPerCommune = documents,
                postingsPerCommune = postings,
                databaseMb = JsonLine.Round(dbBytes / 1024.0 / 1024.0),
            },
            table = Figures(table, tableBytes, tableSql),
            xlsx = Figures(export, exportBytes, exportSql),
            loader = new { samples = loader.Count, medianMs = JsonLine.Round(loader.Median, 3), p95Ms = JsonLine.Round(loader.P95, 3) },
            loadAverage = new { before = loadBefore, after = loadAfter },
            failures = failures.Count,
        });
        if (database.Kept)
        {
            Console.WriteLine($"Database kept: {database.Location}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<(LatencySummary Summary, long Bytes, double Sql)> MeasureAsync(HttpClient client, QueryCounter queries, string path, int n, List<string> failures)
    {
        var timings = new List<double>(n);
        var commands = new List<double>(n);
        long bytes = 0;
        for (var i = 0; i < n; i++)
        {
            var before = queries.Count;
            var timing = await LoopbackHttp.TimeAsync(client, path);
            commands.Add(queries.Count - before);
            Check(timing, failures);
            timings.Add(timing.Milliseconds);
            bytes = timing.Bytes;
        }

        return (Stats.Summarize(timings), bytes, Stats.Median(commands));
    }

    /// <summary>
    /// The starter catalogue announced in the large province and posted by each of its communes, through the portal's own
    /// import and postings services (one scope per commune), so the posting completeness column has work to do.
    /// </summary>
    private static async Task<int> PostCatalogueAsync(BenchPortal portal, IReadOnlyList<TenantInfoRow> communes)
    {
        var (_, records, errors) = CatalogueImport.ParseFile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content-recipes", "tthc-starter-catalogue.json")));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        await portal.InScopeAsync(async sp => await sp.GetRequiredService<CatalogueImport>().ApplyAsync(Largest, records));
        foreach (var commune in communes)
        {
            await portal.InScopeAsync(async sp =>
            {
                var info = await sp.GetRequiredService<TenantDirectory>().FindBySlugAsync(commune.Slug) ?? throw new InvalidOperationException(commune.Slug);
                sp.GetRequiredService<TenantContext>().Enter(info);
                var db = sp.GetRequiredService<QmsDbContext>();
                var adopted = await sp.GetRequiredService<Postings>().AdoptAsync(Largest, null);
                foreach (var (posting, i) in adopted.Select((p, i) => (p, i)))
                {
                    // Most postings name their work procedure; every third does not, as a commune halfway through would.
                    posting.WorkProcedureCode = i % 3 == 2 ? null : "QT-05/CX-HT";
                    posting.Publish(Postings.ShownVersion(posting).Content);
                }

                await db.SaveChangesAsync();
                return adopted.Count;
            });
        }

        return records.Count;
    }

    private static Task<string> AuditorAsync(BenchPortal portal) => portal.InScopeAsync(async sp =>
    {
        const string email = "kiem-tra-tinh@bench.invalid";
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = "Kiểm tra viên Thử Tải", EmailConfirmed = true, SupervisedProvinceCode = Largest };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, PlatformRoles.ProvinceAuditor)).Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        return email;
    });

    private static object Figures(LatencySummary s, long bytes, double sql) => new
    {
        samples = s.Count,
        medianMs = JsonLine.Round(s.Median, 3),
        p95Ms = JsonLine.Round(s.P95, 3),
        p99Ms = JsonLine.Round(s.P99, 3),
        maxMs = JsonLine.Round(s.Max, 3),
        sqlPerRequest = sql,
        bytes,
    };

    private static void Check(RequestTiming timing, List<string> failures)
    {
        if (!timing.Ok)
        {
            failures.Add($"{timing.Path} → HTTP {timing.Status}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record TenantInfoRow(int Id, string Slug);
}
