using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>audits</c> (issue 9): N communes each holding a year of audit records, then the commune's audit overview
/// <c>/{slug}/danh-gia</c> and the page that gathers a management review's 9.3.2 inputs for the period
/// <c>/{slug}/danh-gia/xem-xet-lanh-dao/moi</c>, timed one request at a time as the commune's signed-in QualitySecretary,
/// over several rounds of sampled communes. Records are written with raw parameterised SQL (Harness/AuditLoader).
/// </summary>
internal static class AuditsBenchmark
{
    public const string Usage =
        "audits [--communes 3321] [--sample 100] [--rounds 5] [--warmup 40] [--provider Sqlite|Postgres] [--connection ...] [--keep] [--explain]";

    private const string Password = "Bench-audits-2025!";

    private static readonly string[] Valued = ["--communes", "--sample", "--rounds", "--warmup", "--provider", "--connection"];
    private static readonly string[] Flags = ["--keep", "--explain"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var communes = options.Int("--communes", 3321, 1, CommuneSeeder.MaxCount);
        var sampleWanted = options.Int("--sample", 100, 1, 10000);
        var rounds = options.Int("--rounds", 5, 1, 100);
        var warmUp = options.Int("--warmup", 40, 0, 10000);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");
        var loadBefore = LoadAverage();

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), options.Has("--keep"));
        Console.WriteLine($"audits: {communes} communes × a year of audit records on {database.Provider} ({database.Location})");

        await using var portal = BenchPortal.StartOnKestrel(database);

        // No recipe: the starter recipe's documents, TTHC listings and question bank are not what these pages read.
        var seed = await CommuneSeeder.CreateAsync(portal, communes, recipes: [], TimeSpan.FromMinutes(20));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  communes created (no recipe) in {seed.Total.TotalSeconds:0.0} s"));

        var tenants = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Slug.StartsWith("xa-tai-")).OrderBy(t => t.Id).Select(t => new DocumentsBenchmark.TenantRow(t.Id, t.Slug)).ToListAsync());

        var today = VietnameseFormat.Today(TimeProvider.System);
        var load = Stopwatch.StartNew();
        var year = await AuditLoader.LoadAsync(database, tenants, today);
        load.Stop();
        var loadSeconds = load.Elapsed.TotalSeconds;
        var dbBytes = database.SizeBytes();

        var random = new Random(2025);
        var order = tenants.ToArray();
        random.Shuffle(order);
        var sample = Math.Min(sampleWanted, order.Length);
        var sampled = order[..sample];

        var email = await BenchUsers.CreateAsync(portal, "thu-ky-danh-gia@bench.invalid", "Thư ký ISO Thử Tải", Password, CommuneRole.QualitySecretary,
            sampled.Select(t => t.Id));
        // A chair to choose on the review page, as a real commune has.
        await BenchUsers.CreateAsync(portal, "chu-tich@bench.invalid", "Chủ tịch Thử Tải", Password, CommuneRole.Approver, sampled.Select(t => t.Id));
        var cookies = new CookieContainer();
        using var client = LoopbackHttp.Client(portal.BaseAddress, 1, cookies);
        await BenchUsers.SignInAsync(client, email, Password);

        var pages = new[]
        {
            new Page("audit overview /{slug}/danh-gia", t => $"/{t.Slug}/danh-gia",
                // 10 findings, 3 closed (two nonconformities with an effective action, one observation); one action past due.
                [$"Đánh giá nội bộ lần 2 năm {year.ProgrammeYear}", "data-count=\"open-findings\">7<", "data-count=\"open-nonconformities\">5<", "data-count=\"overdue-actions\">1<"]),
            new Page("review inputs /{slug}/danh-gia/xem-xet-lanh-dao/moi", t => $"/{t.Slug}/danh-gia/xem-xet-lanh-dao/moi",
                [$"Đánh giá nội bộ lần 1 năm {year.ProgrammeYear}", $"value=\"{year.From:yyyy-MM-dd}\"", "Giải quyết hồ sơ đúng hạn", "Rà soát thời hạn giải quyết", "Chủ tịch Thử Tải"]),
        };

        // A 200 alone could be an empty page; the figures must be of pages showing the loaded year.
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(page.Path(sampled[0]));
            var missing = page.MustShow.Where(m => !html.Contains(m, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"{page.Name} of {sampled[0].Slug} does not show the loaded records; missing: {string.Join(" | ", missing)}");
                return 1;
            }
        }

        var failures = new List<string>();
        for (var i = 0; i < warmUp; i++)
        {
            foreach (var page in pages)
            {
                Check(await LoopbackHttp.TimeAsync(client, page.Path(sampled[i % sample])), failures);
            }
        }

        // One request at a time; the pages alternate per commune and the communes are shuffled each round.
        using var queries = new QueryCounter();
        var timings = pages.Select(_ => new List<double>(sample * rounds)).ToArray();
        var bytes = new long[pages.Length];
        var commands = pages.Select(_ => new List<int>(sample * rounds)).ToArray();
        var roundMedians = pages.Select(_ => new List<double>(rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var visit = sampled.ToArray();
            random.Shuffle(visit);
            var roundTimings = pages.Select(_ => new List<double>(sample)).ToArray();
            foreach (var tenant in visit)
            {
                for (var p = 0; p < pages.Length; p++)
                {
                    var index = (p + round) % pages.Length;
                    var before = queries.Count;
                    var timing = await LoopbackHttp.TimeAsync(client, pages[index].Path(tenant));
                    commands[index].Add(queries.Count - before);
                    Check(timing, failures);
                    timings[index].Add(timing.Milliseconds);
                    roundTimings[index].Add(timing.Milliseconds);
                    bytes[index] += timing.Bytes;
                }
            }

            for (var p = 0; p < pages.Length; p++)
            {
                roundMedians[p].Add(Stats.Median(roundTimings[p]));
            }
        }

        var loadAfter = LoadAverage();
        if (options.Has("--explain") && database.Provider == "Sqlite")
        {
            foreach (var page in pages)
            {
                queries.Capture = [];
                Check(await LoopbackHttp.TimeAsync(client, page.Path(sampled[0])), failures);
                var captured = queries.Capture;
                queries.Capture = null;
                QueryPlans.Print(database, page.Name, captured);
            }
        }

        var summaries = timings.Select(Stats.Summarize).ToArray();
        var requests = sample * rounds;

        new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Loading a year of audit records in {tenants.Count:N0} communes (raw SQL, {database.Provider})"), "figure", "value", "unit")
            .Row("communes created (no recipe)", seed.Total.TotalSeconds, "s")
            .Row("audit records loaded", loadSeconds, "s")
            .Row("rows written", year.Rows, "rows")
            .Row("rows per second", year.Rows / loadSeconds, "/s")
            .Row(database.Provider == "Sqlite" ? "database size (file + WAL)" : "database size (pg_database_size)", dbBytes / 1024.0 / 1024.0, "MB")
            .Print();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per commune: 1 programme, 2 reported audits × {AuditLoader.AnswersPerAudit} answers, {AuditLoader.FindingsPerCommune} findings, {AuditLoader.ActionsPerCommune} corrective actions (+ history), {AuditLoader.Objectives} objectives × 12 values, 12 desk months, 1 closed review (3 decisions); period {year.From:dd/MM/yyyy}–{year.To:dd/MM/yyyy}"));

        var table = new ReportTable($"Signed in as QualitySecretary, one request at a time: {sample} communes × {rounds} rounds (after {warmUp} warm-up requests of each page)",
            "page", "n", "median ms", "p95 ms", "p99 ms", "max ms", "round medians ms", "SQL/request", "avg bytes");
        for (var p = 0; p < pages.Length; p++)
        {
            var s = summaries[p];
            table.Row(pages[p].Name, s.Count, s.Median, s.P95, s.P99, s.Max, string.Join(" ", roundMedians[p].Select(m => ReportTable.Format(m))),
                Stats.Median(commands[p].Select(c => (double)c).ToList()), bytes[p] / requests);
        }

        table.Print();
        Console.WriteLine($"  machine load average (1/5/15 min): before {loadBefore}, after {loadAfter}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  failed requests: {failures.Count}");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  failure: " + failure);
        }

        JsonLine.Print(new
        {
            benchmark = "audits",
            communes = tenants.Count,
            provider = database.Provider,
            load = new
            {
                communesSeconds = JsonLine.Round(seed.Total.TotalSeconds),
                recordsSeconds = JsonLine.Round(loadSeconds),
                rows = year.Rows,
                databaseMb = JsonLine.Round(dbBytes / 1024.0 / 1024.0),
            },
            overview = Figures(summaries[0], bytes[0] / requests, commands[0]),
            reviewInputs = Figures(summaries[1], bytes[1] / requests, commands[1]),
            loadAverage = new { before = loadBefore, after = loadAfter },
            failures = failures.Count,
        });
        if (database.Kept)
        {
            Console.WriteLine($"Database kept: {database.Location}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static object Figures(LatencySummary s, long bytes, List<int> commands) => new
    {
        samples = s.Count,
        medianMs = JsonLine.Round(s.Median, 3),
        p95Ms = JsonLine.Round(s.P95, 3),
        p99Ms = JsonLine.Round(s.P99, 3),
        maxMs = JsonLine.Round(s.Max, 3),
        sqlPerRequest = Stats.Median(commands.Select(c => (double)c).ToList()),
        bytes,
    };

    private static void Check(RequestTiming timing, List<string> failures)
    {
        if (!timing.Ok)
        {
            failures.Add($"{timing.Path} → HTTP {timing.Status}");
        }
    }

    /// <summary>The machine is shared: its load average says how far the figures can be trusted.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Page(string Name, Func<DocumentsBenchmark.TenantRow, string> Path, IReadOnlyList<string> MustShow);
}
