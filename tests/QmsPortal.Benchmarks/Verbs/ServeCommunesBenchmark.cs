using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>serve-communes</c>: the portal on Kestrel over a database that already holds communes. Requests every commune's
/// home page once and reports memory before/after, the added latency of a commune's first request, and warm req/s.
/// <c>tenants</c> runs it in a fresh process; it can also be pointed at any existing database.
/// </summary>
internal static class ServeCommunesBenchmark
{
    public const string Usage =
        "serve-communes --connection ... [--provider Sqlite|Postgres] [--sample 200] [--seconds 10] [--concurrency 4]";

    private const int WarmUpCommunes = 20;

    private static readonly string[] Valued = ["--provider", "--connection", "--sample", "--seconds", "--concurrency"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, []);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");
        var connection = options.Get("--connection") ?? throw new UsageException("serve-communes needs --connection.");
        var sampleWanted = options.Int("--sample", 200, 1, 10000);
        var seconds = options.Int("--seconds", 10, 1, 300);
        var concurrency = options.Int("--concurrency", 4, 1, 256);

        await using var portal = BenchPortal.StartOnKestrel(BenchDatabase.Existing(provider, connection));
        var slugs = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active).OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync());
        if (slugs.Count <= WarmUpCommunes)
        {
            Console.Error.WriteLine($"serve-communes needs more than {WarmUpCommunes} active communes; the database has {slugs.Count}.");
            return 1;
        }

        // A fixed shuffle: the visiting order is spread over provinces but the same on every run.
        var random = new Random(2025);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(slugs));
        var sample = Math.Min(sampleWanted, slugs.Count - WarmUpCommunes);
        Console.WriteLine($"serve-communes: {slugs.Count} communes, portal at {portal.BaseAddress} (Production, {provider})");

        using var client = LoopbackHttp.Client(portal.BaseAddress, concurrency);
        var failures = new List<string>();

        // Start-up costs (JIT, Razor, EF query compilation) are paid here, before anything is measured.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < WarmUpCommunes; i++)
            {
                Check(await LoopbackHttp.TimeAsync(client, "/" + slugs[i]), failures);
            }
        }

        var before = ProcessMemory.AfterFullGc();

        // First requests to never-visited communes, each followed by a request to an already-visited one, so
        // both see the same process state; the difference is what a commune's first visit adds.
        var cold = new List<double>(sample);
        var warm = new List<double>(sample);
        for (var i = 0; i < sample; i++)
        {
            var first = await LoopbackHttp.TimeAsync(client, "/" + slugs[WarmUpCommunes + i]);
            Check(first, failures);
            cold.Add(first.Milliseconds);
            var again = await LoopbackHttp.TimeAsync(client, "/" + slugs[random.Next(WarmUpCommunes + i + 1)]);
            Check(again, failures);
            warm.Add(again.Milliseconds);
        }

        var visited = WarmUpCommunes + sample;
        var rest = await LoopbackHttp.RunAsync(client, i => "/" + slugs[visited + i], slugs.Count - visited, concurrency, TimeSpan.FromMinutes(10));
        AddFailure(rest, failures);
        var servedAll = ProcessMemory.AfterFullGc();

        var throughput = await LoopbackHttp.RunAsync(client, _ => "/" + slugs[Random.Shared.Next(slugs.Count)], 2_000_000, concurrency * 2,
            TimeSpan.FromSeconds(seconds));
        AddFailure(throughput, failures);
        var afterLoad = ProcessMemory.AfterFullGc();

        var coldSummary = Stats.Summarize(cold);
        var warmSummary = Stats.Summarize(warm);
        var throughputSummary = Stats.Summarize(throughput.LatenciesMs);

        new ReportTable($"Memory, {slugs.Count} communes (after a full GC)", "when", "RSS MB", "GC heap MB")
            .Row("before serving (after warm-up)", before.RssMb, before.GcHeapMb)
            .Row("after one home page of every commune", servedAll.RssMb, servedAll.GcHeapMb)
            .Row($"after {seconds} s of warm load", afterLoad.RssMb, afterLoad.GcHeapMb)
            .Row("growth from serving all communes", servedAll.RssMb - before.RssMb, servedAll.GcHeapMb - before.GcHeapMb)
            .Print();

        new ReportTable($"Home page latency /{{slug}}, one request at a time, {sample} samples", "request", "n", "median ms", "p95 ms", "p99 ms", "max ms")
            .Row("first visit of a commune (cold)", coldSummary.Count, coldSummary.Median, coldSummary.P95, coldSummary.P99, coldSummary.Max)
            .Row("commune already visited (warm)", warmSummary.Count, warmSummary.Median, warmSummary.P95, warmSummary.P99, warmSummary.Max)
            .Row("added latency (cold - warm)", "", coldSummary.Median - warmSummary.Median, coldSummary.P95 - warmSummary.P95, "", "")
            .Print();

        new ReportTable($"Warm home pages, {concurrency * 2} concurrent, random communes", "figure", "value")
            .Row("remaining communes served once", rest.Completed)
            .Row("  their req/s", rest.RequestsPerSecond)
            .Row(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"requests in {throughput.Elapsed.TotalSeconds:0.0} s"), throughput.Completed)
            .Row("req/s", throughput.RequestsPerSecond)
            .Row("latency median ms", throughputSummary.Median)
            .Row("latency p95 ms", throughputSummary.P95)
            .Row("failed requests (all phases)", failures.Count)
            .Print();
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  failure: " + failure);
        }

        JsonLine.Print(new
        {
            benchmark = "serve-communes",
            communes = slugs.Count,
            provider,
            memory = new
            {
                beforeRssMb = JsonLine.Round(before.RssMb),
                beforeGcHeapMb = JsonLine.Round(before.GcHeapMb),
                servedAllRssMb = JsonLine.Round(servedAll.RssMb),
                servedAllGcHeapMb = JsonLine.Round(servedAll.GcHeapMb),
                afterLoadRssMb = JsonLine.Round(afterLoad.RssMb),
                afterLoadGcHeapMb = JsonLine.Round(afterLoad.GcHeapMb),
            },
            latency = new
            {
                samples = sample,
                coldMedianMs = JsonLine.Round(coldSummary.Median, 3),
                coldP95Ms = JsonLine.Round(coldSummary.P95, 3),
                warmMedianMs = JsonLine.Round(warmSummary.Median, 3),
                warmP95Ms = JsonLine.Round(warmSummary.P95, 3),
                addedMedianMs = JsonLine.Round(coldSummary.Median - warmSummary.Median, 3),
                addedP95Ms = JsonLine.Round(coldSummary.P95 - warmSummary.P95, 3),
            },
            warm = new
            {
                concurrency = concurrency * 2,
                seconds = JsonLine.Round(throughput.Elapsed.TotalSeconds),
                requests = throughput.Completed,
                requestsPerSecond = JsonLine.Round(throughput.RequestsPerSecond),
                medianMs = JsonLine.Round(throughputSummary.Median, 3),
                p95Ms = JsonLine.Round(throughputSummary.P95, 3),
            },
            failures = failures.Count,
        });
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Check(RequestTiming timing, List<string> failures)
    {
        if (!timing.Ok)
        {
            failures.Add($"{timing.Path} → HTTP {timing.Status}");
        }
    }

    private static void AddFailure(LoadResult result, List<string> failures)
    {
        for (var i = 0; i < result.Failed; i++)
        {
            failures.Add(result.FirstFailure ?? "failed");
        }
    }
}
