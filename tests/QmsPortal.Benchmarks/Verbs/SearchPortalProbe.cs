using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Lucene;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// The second part of <c>search</c>: the real portal on a fresh database, its own indexer running as in production
/// (polling the feed every <c>Search:PollMilliseconds</c>, default 250 ms). Seeds communes with the starter recipe,
/// posts new TTHC one at a time through the same services the posting page uses and polls the index every 10 ms until
/// each is found (freshness), then asks for a rebuild and times it from the database.
/// </summary>
internal static class SearchPortalProbe
{
    public static async Task<object> RunAsync(string provider, string? connection, bool keep, int changes, int communes)
    {
        await using var database = await BenchDatabase.CreateFreshAsync(provider, connection, keep);
        var indexRoot = Path.Combine(Path.GetTempPath(), "qms-bench", "search-portal-" + Guid.NewGuid().ToString("N")[..10]);
        Console.WriteLine($"search (portal): {communes} communes with the commune-starter recipe on {database.Provider} ({database.Location}), index under {indexRoot}");
        try
        {
            await using var portal = BenchPortal.StartInMemory(database, withoutMailDispatcher: true,
                settings: new Dictionary<string, string> { ["Search:IndexRoot"] = indexRoot });
            var poll = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value.PollMilliseconds;
            var seed = await CommuneSeeder.CreateAsync(portal, communes, "commune-starter", TimeSpan.FromMinutes(30));
            var indexer = portal.Services.GetRequiredService<SearchIndexer>();
            var index = portal.Services.GetRequiredService<LuceneSearchIndex>();
            var caughtUp = Stopwatch.StartNew();
            await indexer.CatchUpAsync();
            caughtUp.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  communes created in {seed.Total.TotalSeconds:0.0} s (the indexer tailing the feed meanwhile); caught up {caughtUp.Elapsed.TotalSeconds:0.00} s later"));

            var freshness = await FreshnessAsync(portal, index, changes);
            var rebuild = await RebuildAsync(portal, indexer, index);

            new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Freshness: a TTHC posted (SaveChanges returned) → found by ISearchIndex.Search, polled every 10 ms; indexer polls every {poll} ms"),
                    "changes", "p50 ms", "p95 ms", "max ms", "not found in 10 s")
                .Row(freshness.Delays.Count, freshness.Summary.Median, freshness.Summary.P95, freshness.Summary.Max, freshness.Missed)
                .Print();
            var perMillion = rebuild.Entries == 0 ? double.NaN : 1_000_000 / (rebuild.Entries / rebuild.Seconds) / 60;
            new ReportTable($"Rebuild from the database ({database.Provider}): rebuild request → SearchIndexer.CatchUpAsync returns with the new index serving",
                    "communes", "entries", "seconds", "entries/s", "index MB", "1 M entries, extrapolated (min)")
                .Row(communes, rebuild.Entries, rebuild.Seconds, rebuild.Entries / rebuild.Seconds, rebuild.SizeBytes / 1048576.0, perMillion)
                .Print();
            Console.WriteLine("  The starter recipe gives each commune 11 posted TTHC and its ISO documents; the 1 M figure assumes the same rate.");

            return new
            {
                provider = database.Provider,
                communes,
                pollMilliseconds = poll,
                freshness = new
                {
                    changes = freshness.Delays.Count,
                    p50 = JsonLine.Round(freshness.Summary.Median, 1),
                    p95 = JsonLine.Round(freshness.Summary.P95, 1),
                    max = JsonLine.Round(freshness.Summary.Max, 1),
                    missed = freshness.Missed,
                },
                rebuild = new
                {
                    entries = rebuild.Entries,
                    seconds = JsonLine.Round(rebuild.Seconds),
                    entriesPerSecond = JsonLine.Round(rebuild.Entries / rebuild.Seconds, 0),
                    indexMb = JsonLine.Round(rebuild.SizeBytes / 1048576.0, 1),
                    extrapolatedMinutesPerMillion = JsonLine.Round(perMillion, 1),
                },
            };
        }
        finally
        {
            if (Directory.Exists(indexRoot))
            {
                Directory.Delete(indexRoot, recursive: true);
            }
        }
    }

    private sealed record Freshness(List<double> Delays, LatencySummary Summary, int Missed);

    /// <summary>
    /// Each change: a new procedure in the province's catalogue, adopted and posted by the commune (Postings and
    /// TthcPosting.Publish, as the posting page does); the clock starts when the posting's SaveChanges returns.
    /// </summary>
    private static async Task<Freshness> FreshnessAsync(BenchPortal portal, LuceneSearchIndex index, int changes)
    {
        var commune = await portal.InScopeAsync(sp => sp.GetRequiredService<TenantDirectory>().FindBySlugAsync(CommuneSeeder.Spec(1, ["00"]).Slug))
            ?? throw new InvalidOperationException("Commune xa-tai-00001 was not created.");
        var catalogue = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SearchCorpus.RepoPath("content-recipes/tthc-starter-catalogue.json")));
        var procedures = catalogue.RootElement.GetProperty("procedures").EnumerateArray().Select(p => p.GetRawText()).ToList();
        var delays = new List<double>();
        var missed = 0;
        for (var i = 0; i < changes; i++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"9.{900000 + i:000000}");
            var content = ProcedureContent.FromJson(procedures[i % procedures.Count]);
            content.Code = code;
            content.Name += " (thử độ tươi)";
            await portal.InScopeAsync(async sp =>
            {
                var errors = await sp.GetRequiredService<CatalogueImport>().ApplyAsync(commune.ProvinceCode, [content]);
                return errors;
            });
            long posted = 0;
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs("benchmark");
                scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(commune);
                var postings = scope.ServiceProvider.GetRequiredService<Postings>();
                var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
                await postings.AdoptAsync(commune.ProvinceCode, [code]);
                await db.SaveChangesAsync();
                var posting = await postings.FindAsync(code) ?? throw new InvalidOperationException($"{code} was not adopted.");
                posting.WorkProcedureCode = "QT-05/CX-HT";
                posting.Publish(Postings.ShownVersion(posting).Content);
                await db.SaveChangesAsync();
                posted = Stopwatch.GetTimestamp();
                await postings.EvictAsync(commune.Id);
            }

            var request = new SearchRequest(code, SearchScope.PublicOf(commune.Id));
            while (true)
            {
                if (index.Search(request).Hits.Any(h => h.Code == code))
                {
                    delays.Add(Stopwatch.GetElapsedTime(posted).TotalMilliseconds);
                    break;
                }

                if (Stopwatch.GetElapsedTime(posted) > TimeSpan.FromSeconds(10))
                {
                    missed++;
                    break;
                }

                await Task.Delay(10);
            }
        }

        return new Freshness(delays, Stats.Summarize(delays), missed);
    }

    private sealed record Rebuilt(int Entries, double Seconds, long SizeBytes);

    private static async Task<Rebuilt> RebuildAsync(BenchPortal portal, SearchIndexer indexer, LuceneSearchIndex index)
    {
        await indexer.CatchUpAsync();
        var before = index.Current;
        var watch = Stopwatch.StartNew();
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new SearchRebuildRequest { RequestedAt = DateTimeOffset.UtcNow, RequestedBy = "benchmark" });
            return await db.SaveChangesAsync();
        });
        await indexer.CatchUpAsync();
        watch.Stop();
        var current = index.Current ?? throw new InvalidOperationException("No index after the rebuild.");
        if (ReferenceEquals(current, before))
        {
            throw new InvalidOperationException("The rebuild request did not produce a new index generation.");
        }

        var searcher = current.Searchers.Acquire();
        try
        {
            return new Rebuilt(searcher.IndexReader.NumDocs, watch.Elapsed.TotalSeconds, current.SizeInBytes());
        }
        finally
        {
            current.Searchers.Release(searcher);
        }
    }
}
