using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>documents</c> (issue 3): N communes each holding D controlled documents of R revisions, then the library page
/// <c>/{slug}/tai-lieu</c> and one document page <c>/{slug}/tai-lieu/{id}</c> timed one request at a time as a
/// signed-in QualitySecretary. Documents are written with raw parameterised SQL in large transactions: through EF
/// change tracking a million documents would take hours, and the pages only read what is in the tables.
/// </summary>
internal static class DocumentsBenchmark
{
    public const string Usage =
        "documents [--communes 3321] [--documents 300] [--revisions 3] [--sample 200] [--provider Sqlite|Postgres] [--connection ...] [--keep]";

    private const int WarmUpRequests = 50;
    private const string Password = "Bench-documents-2025!";

    private static readonly string[] Valued = ["--communes", "--documents", "--revisions", "--sample", "--provider", "--connection"];
    private static readonly string[] Flags = ["--keep"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var communes = options.Int("--communes", 3321, 1, CommuneSeeder.MaxCount);
        var documents = options.Int("--documents", 300, 1, 999);
        var revisions = options.Int("--revisions", 3, 1, 50);
        var sampleWanted = options.Int("--sample", 200, 1, 10000);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), options.Has("--keep"));
        Console.WriteLine($"documents: {communes} communes × {documents} documents × {revisions} revisions on {database.Provider} ({database.Location})");

        await using var portal = BenchPortal.StartOnKestrel(database);

        // No recipe: the starter recipe's own documents and TTHC listings would be most of the creation time
        // and would mix a second kind of document into the library being measured.
        var seed = await CommuneSeeder.CreateAsync(portal, communes, recipes: [], TimeSpan.FromMinutes(20));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  communes created (no recipe) in {seed.Total.TotalSeconds:0.0} s"));

        var tenants = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Slug.StartsWith("xa-tai-")).OrderBy(t => t.Id).Select(t => new TenantRow(t.Id, t.Slug)).ToListAsync());

        var load = Stopwatch.StartNew();
        var firstDocumentIds = await DocumentLoader.LoadAsync(database, tenants, documents, revisions);
        load.Stop();
        var loadSeconds = load.Elapsed.TotalSeconds;
        var totalDocuments = (long)tenants.Count * documents;
        var dbBytes = database.SizeBytes();

        var random = new Random(2025);
        var order = tenants.ToArray();
        random.Shuffle(order);
        var sample = Math.Min(sampleWanted, order.Length);
        var sampled = order[..sample];

        var email = await BenchUsers.CreateAsync(portal, "thu-ky-iso@bench.invalid", "Thư ký ISO Thử Tải", Password, CommuneRole.QualitySecretary, sampled.Select(t => t.Id));
        var cookies = new CookieContainer();
        using var client = LoopbackHttp.Client(portal.BaseAddress, 1, cookies);
        await BenchUsers.SignInAsync(client, email, Password);

        string LibraryPath(TenantRow t) => $"/{t.Slug}/tai-lieu";
        string DocumentPath(TenantRow t) =>
            string.Create(CultureInfo.InvariantCulture, $"/{t.Slug}/tai-lieu/{firstDocumentIds[t.Id] + random.Next(documents)}");

        var failures = new List<string>();

        // A 200 alone could be an empty library or a page that lost its body; the figures must be of full pages.
        var firstLibrary = await client.GetStringAsync(LibraryPath(sampled[0]));
        var firstDocument = await client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/{sampled[0].Slug}/tai-lieu/{firstDocumentIds[sampled[0].Id]}"));
        if (!firstLibrary.Contains("QT-001", StringComparison.Ordinal) || !firstDocument.Contains("Mục đích", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("The library or document page does not show the loaded documents (signed in? right ids?).");
            return 1;
        }

        // Start-up costs (JIT, Razor, EF query compilation, Markdown pipeline) are paid here, before anything is measured.
        for (var i = 0; i < WarmUpRequests; i++)
        {
            var tenant = sampled[i % sample];
            Check(await LoopbackHttp.TimeAsync(client, LibraryPath(tenant)), failures);
            Check(await LoopbackHttp.TimeAsync(client, DocumentPath(tenant)), failures);
        }

        var library = new List<double>(sample);
        var document = new List<double>(sample);
        long libraryBytes = 0, documentBytes = 0;
        foreach (var tenant in sampled)
        {
            var page = await LoopbackHttp.TimeAsync(client, LibraryPath(tenant));
            Check(page, failures);
            library.Add(page.Milliseconds);
            libraryBytes += page.Bytes;
            var one = await LoopbackHttp.TimeAsync(client, DocumentPath(tenant));
            Check(one, failures);
            document.Add(one.Milliseconds);
            documentBytes += one.Bytes;
        }

        var librarySummary = Stats.Summarize(library);
        var documentSummary = Stats.Summarize(document);

        new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Loading {totalDocuments:N0} documents and {totalDocuments * revisions:N0} revisions (raw SQL, {database.Provider})"), "figure", "value", "unit")
            .Row("communes created (no recipe)", seed.Total.TotalSeconds, "s")
            .Row("documents + revisions + events loaded", loadSeconds, "s")
            .Row("revisions per second", totalDocuments * revisions / loadSeconds, "/s")
            .Row("database size (file + WAL)", dbBytes / 1024.0 / 1024.0, "MB")
            .Print();

        new ReportTable($"Signed in as QualitySecretary, one request at a time, {sample} random communes (after {WarmUpRequests} warm-up requests of each)",
                "page", "n", "median ms", "p95 ms", "p99 ms", "max ms", "avg bytes")
            .Row($"library /{{slug}}/tai-lieu ({documents} rows)", librarySummary.Count, librarySummary.Median, librarySummary.P95, librarySummary.P99,
                librarySummary.Max, libraryBytes / sample)
            .Row($"document /{{slug}}/tai-lieu/{{id}} ({revisions} revisions)", documentSummary.Count, documentSummary.Median, documentSummary.P95,
                documentSummary.P99, documentSummary.Max, documentBytes / sample)
            .Print();
        Console.WriteLine($"  failed requests: {failures.Count}");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  failure: " + failure);
        }

        JsonLine.Print(new
        {
            benchmark = "documents",
            communes = tenants.Count,
            documentsPerCommune = documents,
            revisionsPerDocument = revisions,
            provider = database.Provider,
            load = new
            {
                communesSeconds = JsonLine.Round(seed.Total.TotalSeconds),
                documentsSeconds = JsonLine.Round(loadSeconds),
                documents = totalDocuments,
                revisions = totalDocuments * revisions,
                databaseMb = JsonLine.Round(dbBytes / 1024.0 / 1024.0),
            },
            library = Figures(librarySummary, libraryBytes / sample),
            document = Figures(documentSummary, documentBytes / sample),
            failures = failures.Count,
        });
        if (database.Kept)
        {
            Console.WriteLine($"Database kept: {database.Location}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static object Figures(LatencySummary s, long bytes) => new
    {
        samples = s.Count,
        medianMs = JsonLine.Round(s.Median, 3),
        p95Ms = JsonLine.Round(s.P95, 3),
        p99Ms = JsonLine.Round(s.P99, 3),
        maxMs = JsonLine.Round(s.Max, 3),
        bytes,
    };

    private static void Check(RequestTiming timing, List<string> failures)
    {
        if (!timing.Ok)
        {
            failures.Add($"{timing.Path} → HTTP {timing.Status}");
        }
    }

    internal sealed record TenantRow(int Id, string Slug);
}
