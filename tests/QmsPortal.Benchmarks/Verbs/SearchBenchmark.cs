using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Analysis;
using QmsPortal.Web.Search.Lucene;
using QmsPortal.Web.Text;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>search</c> (issue 11). Part one, the engine alone in this process: indexes communes × items generated entries
/// (<see cref="SearchCorpus"/>) through <see cref="IndexGeneration.Replace"/> as a rebuild does, then times
/// <see cref="LuceneSearchIndex.Search"/> (query plan, filters, snippets) for citizen queries in one commune and in a
/// province, each interleaved with the plain Lucene query for the same folded words under the same filter, so the
/// ratio says what the engine's work costs on top of Lucene. Part two (<see cref="SearchPortalProbe"/>) goes through the
/// real portal and database: change-to-searchable delay and a rebuild from the database.
/// </summary>
internal static class SearchBenchmark
{
    public const string Usage = "search [--communes 3321] [--items 300] [--queries 2000] [--warmup 400] [--threads 2] [--folder ...] [--keep-index] [--compare-add]\n"
        + "                [--only engine|portal] [--changes 50] [--rebuild-communes 300] [--provider Sqlite|Postgres] [--connection ...] [--keep]";

    private static readonly string[] Valued =
        ["--communes", "--items", "--queries", "--warmup", "--threads", "--folder", "--only", "--changes", "--rebuild-communes", "--provider", "--connection"];

    private static readonly string[] Flags = ["--keep-index", "--keep", "--compare-add"];

    /// <summary>
    /// What citizens type: without accents, with accents, Telex left unconverted, typos, a word half typed, questions,
    /// codes and words run together. The raw query gets the same words folded.
    /// </summary>
    public static readonly string[] Queries =
    [
        "dang ky khai sinh", "ket hon", "chung thuc ban sao", "khai tu", "thuong tru", "ho kinh doanh",
        "xac nhan tinh trang hon nhan", "trich luc ho tich", "nguoi khuyet tat", "giay chung sinh",
        "đăng ký khai sinh", "giấy chứng sinh", "chứng thực chữ ký", "đăng ký kết hôn", "lệ phí hộ tịch",
        "kiểm soát tài liệu", "đánh giá nội bộ", "hành động khắc phục", "mục tiêu chất lượng", "xem xét của lãnh đạo",
        "ddawng kys khai sinh", "keets hoon", "chuwngs thuwcj banr sao",
        "dang ki khai sihn", "ket hong", "thuogn tru", "xac nhan tinh trang hon nhna",
        "khai si", "chứng th", "đăng k", "hộ kinh d",
        "làm giấy khai sinh cần những giấy tờ gì", "đăng ký kết hôn mất bao lâu", "lệ phí chứng thực bản sao là bao nhiêu",
        "thủ tục đăng ký thường trú như thế nào", "khai tử cần gì", "nộp hồ sơ hộ kinh doanh ở đâu",
        "1.001193", "123/2015/NĐ-CP", "khaisinh", "giấy độc thân",
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var communes = options.Int("--communes", 3321, 1, 20000);
        var items = options.Int("--items", 300, 5, 999);
        var queries = options.Int("--queries", 2000, 10, 1_000_000);
        var warmup = options.Int("--warmup", 400, 0, 100_000);
        var threads = options.Int("--threads", 2, 1, 2);
        var only = options.Get("--only") is null ? null : options.OneOf("--only", "engine", "engine", "portal");
        var changes = options.Int("--changes", 50, 1, 10_000);
        var rebuildCommunes = options.Int("--rebuild-communes", 300, 1, CommuneSeeder.MaxCount);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");

        object? engine = null;
        object? portal = null;
        if (only is null or "engine")
        {
            engine = RunEngine(communes, items, queries, warmup, threads, options.Get("--folder"), options.Has("--keep-index"));
        }

        object? compareAdd = options.Has("--compare-add") ? CompareAdd(Math.Min(communes, 50), items) : null;

        if (only is null or "portal")
        {
            portal = await SearchPortalProbe.RunAsync(provider, options.Get("--connection"), options.Has("--keep"), changes, rebuildCommunes);
        }

        Console.WriteLine($"  {Environment.ProcessorCount} cores; load average now {File.ReadAllText("/proc/loadavg").Trim()}");
        JsonLine.Print(new { benchmark = "search", engine, compareAdd, portal });
        return 0;
    }

    private static object RunEngine(int communeCount, int items, int queries, int warmup, int threads, string? folder, bool keep)
    {
        var corpus = SearchCorpus.Load();
        var communes = SearchCorpus.Communes(communeCount);
        var provinces = communes.Select(c => c.ProvinceCode).Distinct().ToList();
        var ownFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "qms-bench", "search-" + Guid.NewGuid().ToString("N")[..10]);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new UsageException($"{folder} is not empty; the benchmark builds a fresh index.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search (engine): {communeCount:N0} communes × {items} entries over {provinces.Count} provinces, from {corpus.ProcedureCount} catalogue procedures and {corpus.SentenceCount} document sentences, index in {folder}"));
        var before = ProcessMemory.AfterFullGc();
        var generation = new IndexGeneration(folder);
        try
        {
            var build = Build(generation, corpus, communes, items);
            var afterIndexing = ProcessMemory.AfterFullGc();
            var size = generation.SizeInBytes();
            new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Indexing {build.Entries:N0} entries (IndexGeneration.Replace, one thread), then commit"),
                    "step", "seconds", "entries/s", "index MB", "RSS MB", "GC heap MB")
                .Row("before", null, null, null, before.RssMb, before.GcHeapMb)
                .Row("generate text (not indexing)", build.GenerateSeconds, null, null, null, null)
                .Row("Replace (analysis, buffering, flushes)", build.ReplaceSeconds, build.Entries / build.ReplaceSeconds, null, null, null)
                .Row("commit + refresh", build.CommitSeconds, null, null, null, null)
                .Row("total", build.TotalSeconds, build.Entries / build.TotalSeconds, size / 1048576.0, afterIndexing.RssMb, afterIndexing.GcHeapMb)
                .Print();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  peak RSS while indexing {build.PeakRssBytes / 1048576.0:0} MB; {size / (double)build.Entries:0} bytes of index per entry; {build.Segments} segments"));

            var index = new LuceneSearchIndex([], new SearchSynonyms(), NullLogger<LuceneSearchIndex>.Instance);
            index.Serve(generation, ready: true);
            var publicOnly = new HashSet<SearchAudience> { SearchAudience.Public };
            var readers = new HashSet<SearchAudience> { SearchAudience.Public, SearchAudience.Readers };
            Func<Random, SearchScope> commune = r => SearchScope.PublicOf(communes[r.Next(communes.Count)].Id);
            Func<Random, SearchScope> province = r => new SearchScope(null, provinces[r.Next(provinces.Count)], readers);

            // Warm-up: JIT, tiered compilation and the OS page cache over the index files.
            T Phase<T>(string name, Func<T> run)
            {
                var watch = Stopwatch.StartNew();
                var result = run();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} done in {watch.Elapsed.TotalSeconds:0} s"));
                return result;
            }

            Phase("warm-up, commune", () => Measure(index, generation, commune, warmup, seed: 1));
            Phase("warm-up, province", () => Measure(index, generation, province, warmup, seed: 2));
            var communeRun = Phase("commune queries", () => Measure(index, generation, commune, queries, seed: 3));
            var provinceRun = Phase("province queries", () => Measure(index, generation, province, queries, seed: 4));
            QueryRun? communeParallel = null, provinceParallel = null;
            if (threads > 1)
            {
                communeParallel = Phase($"commune queries on {threads} threads", () => MeasureParallel(index, generation, commune, queries, threads, seed: 5));
                provinceParallel = Phase($"province queries on {threads} threads", () => MeasureParallel(index, generation, province, queries, threads, seed: 6));
            }

            var afterQueries = ProcessMemory.AfterFullGc();
            var table = new ReportTable("Query latency, ms (engine = LuceneSearchIndex.Search with snippets, page of 20; raw = BooleanQuery of TermQuery on title_f/body_f, same filter, top 20, no snippets; page of 1 = the engine asked for one hit: one stored document, one snippet)",
                "scope", "threads", "queries", "engine p50", "p95", "p99", "max", "raw p50", "p95", "p99", "ratio p50", "ratio p95", "page of 1 p50", "p95", "mean hits", "no hits %");
            void Add(string scope, int t, QueryRun? run)
            {
                if (run is null)
                {
                    return;
                }

                table.Row(scope, t, run.Engine.Count, run.Engine.Median, run.Engine.P95, run.Engine.P99, run.Engine.Max,
                    run.Raw.Median, run.Raw.P95, run.Raw.P99, run.Engine.Median / run.Raw.Median, run.Engine.P95 / run.Raw.P95,
                    run.EngineOne.Median, run.EngineOne.P95, run.MeanHits, run.NoHitsPercent);
            }

            Add("commune (public)", 1, communeRun);
            Add("province (public + readers)", 1, provinceRun);
            Add("commune (public)", threads, communeParallel);
            Add("province (public + readers)", threads, provinceParallel);
            table.Print();
            PrintPerQuery(communeRun);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  after queries: RSS {afterQueries.RssMb:0} MB, GC heap {afterQueries.GcHeapMb:0} MB"));
            Console.WriteLine($"  targets (issue 11): commune p95 ≤ 10 ms with snippets → {(communeRun.Engine.P95 <= 10 ? "met" : "NOT met")}; "
                + $"≤ 2× raw at p95 → {(communeRun.Engine.P95 <= 2 * communeRun.Raw.P95 ? "met" : "NOT met")}");

            return new
            {
                communes = communeCount,
                itemsPerCommune = items,
                entries = build.Entries,
                indexSeconds = JsonLine.Round(build.TotalSeconds),
                replaceSeconds = JsonLine.Round(build.ReplaceSeconds),
                entriesPerSecond = JsonLine.Round(build.Entries / build.TotalSeconds, 0),
                indexMb = JsonLine.Round(size / 1048576.0, 1),
                segments = build.Segments,
                peakRssMb = JsonLine.Round(build.PeakRssBytes / 1048576.0, 0),
                rssAfterIndexingMb = JsonLine.Round(afterIndexing.RssMb, 0),
                gcHeapAfterIndexingMb = JsonLine.Round(afterIndexing.GcHeapMb, 0),
                rssAfterQueriesMb = JsonLine.Round(afterQueries.RssMb, 0),
                commune = communeRun.Json(),
                province = provinceRun.Json(),
                communeParallel = communeParallel?.Json(),
                provinceParallel = provinceParallel?.Json(),
                threads,
            };
        }
        finally
        {
            generation.Dispose();
            if (keep)
            {
                Console.WriteLine($"Index kept: {folder}");
            }
            else if (ownFolder)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// What deleting by key costs in a rebuild: the same entries indexed through <see cref="IndexGeneration.Replace"/>
    /// (UpdateDocuments: a delete by the key term, buffered and resolved against every segment at each flush) and
    /// through a plain AddDocument of the same Lucene document (reached by reflection: the engine has no such path),
    /// alternating, two rounds each, into fresh folders.
    /// </summary>
    private static Dictionary<string, object> CompareAdd(int communeCount, int items)
    {
        var corpus = SearchCorpus.Load();
        var entries = SearchCorpus.Communes(communeCount).SelectMany(c => corpus.Items(c, items)).ToList();
        var toDocument = typeof(IndexGeneration).GetMethod("ToDocument", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            ?? throw new InvalidOperationException("IndexGeneration.ToDocument not found.");
        var writerField = typeof(IndexGeneration).GetField("_writer", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            ?? throw new InvalidOperationException("IndexGeneration._writer not found.");
        var times = new Dictionary<string, List<double>> { ["Replace (UpdateDocuments)"] = [], ["AddDocument"] = [] };
        for (var round = 0; round < 4; round++)
        {
            var add = round % 2 == 1;
            var folder = Path.Combine(Path.GetTempPath(), "qms-bench", "search-add-" + Guid.NewGuid().ToString("N")[..10]);
            var watch = Stopwatch.StartNew();
            using (var generation = new IndexGeneration(folder))
            {
                var writer = (IndexWriter)writerField.GetValue(generation)!;
                foreach (var item in entries)
                {
                    if (add)
                    {
                        writer.AddDocument((Lucene.Net.Documents.Document)toDocument.Invoke(null, [item])!);
                    }
                    else
                    {
                        generation.Replace(item.Kind, item.ItemId, [item]);
                    }
                }

                generation.Commit(new IndexState(0, 0, 0, IndexState.CurrentSchema, DateTimeOffset.UtcNow));
            }

            times[add ? "AddDocument" : "Replace (UpdateDocuments)"].Add(watch.Elapsed.TotalSeconds);
            Directory.Delete(folder, recursive: true);
        }

        var table = new ReportTable(string.Create(CultureInfo.InvariantCulture, $"Rebuild path: {entries.Count:N0} entries ({communeCount} communes) into a fresh index, two rounds each, best round"),
            "path", "seconds", "entries/s");
        foreach (var (path, seconds) in times)
        {
            table.Row(path, seconds.Min(), entries.Count / seconds.Min());
        }

        table.Print();
        return times.ToDictionary(t => t.Key, t => (object)new { seconds = JsonLine.Round(t.Value.Min()), entriesPerSecond = JsonLine.Round(entries.Count / t.Value.Min(), 0) });
    }

    private sealed record BuildResult(long Entries, double GenerateSeconds, double ReplaceSeconds, double CommitSeconds, double TotalSeconds, long PeakRssBytes, int Segments);

    private static BuildResult Build(IndexGeneration generation, SearchCorpus corpus, IReadOnlyList<CorpusCommune> communes, int items)
    {
        long entries = 0;
        long peakRss = 0;
        var total = Stopwatch.StartNew();
        var replace = new Stopwatch();
        var generate = new Stopwatch();
        var batch = new List<SearchItem>(items);
        foreach (var commune in communes)
        {
            generate.Start();
            batch.Clear();
            batch.AddRange(corpus.Items(commune, items));
            generate.Stop();
            replace.Start();
            foreach (var item in batch)
            {
                generation.Replace(item.Kind, item.ItemId, [item]);
            }

            replace.Stop();
            entries += batch.Count;
            if (commune.Id % 100 == 0 || commune.Id == communes.Count)
            {
                peakRss = Math.Max(peakRss, ProcessMemory.ResidentSetBytes());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  indexed {commune.Id:N0}/{communes.Count:N0} communes, {entries:N0} entries in {total.Elapsed.TotalSeconds:0} s ({entries / replace.Elapsed.TotalSeconds:0} entries/s in Replace), RSS {peakRss / 1048576.0:0} MB"));
            }
        }

        var commit = Stopwatch.StartNew();
        generation.Commit(new IndexState(0, 0, 0, IndexState.CurrentSchema, DateTimeOffset.UtcNow));
        generation.Refresh();
        commit.Stop();
        total.Stop();
        var searcher = generation.Searchers.Acquire();
        int segments;
        try
        {
            segments = searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }

        return new BuildResult(entries, generate.Elapsed.TotalSeconds, replace.Elapsed.TotalSeconds, commit.Elapsed.TotalSeconds,
            total.Elapsed.TotalSeconds, peakRss, segments);
    }

    private sealed record QueryRun(LatencySummary Engine, LatencySummary Raw, LatencySummary EngineOne, double MeanHits, double NoHitsPercent, Dictionary<string, (List<double> Engine, List<double> Raw, List<double> One, int Hits)> PerQuery)
    {
        public object Json() => new
        {
            queries = Engine.Count,
            engine = Round(Engine),
            raw = Round(Raw),
            enginePageOfOne = Round(EngineOne),
            ratioP50 = JsonLine.Round(Engine.Median / Raw.Median),
            ratioP95 = JsonLine.Round(Engine.P95 / Raw.P95),
            meanHits = JsonLine.Round(MeanHits, 1),
            noHitsPercent = JsonLine.Round(NoHitsPercent, 1),
        };

        private static object Round(LatencySummary s) => new
        {
            p50 = JsonLine.Round(s.Median, 3),
            p95 = JsonLine.Round(s.P95, 3),
            p99 = JsonLine.Round(s.P99, 3),
            max = JsonLine.Round(s.Max, 3),
        };
    }

    /// <summary>Engine and raw query for the same text and scope, in alternating order, one after the other.</summary>
    private static QueryRun Measure(LuceneSearchIndex index, IndexGeneration generation, Func<Random, SearchScope> scopeOf, int count, int seed)
    {
        var random = new Random(seed);
        var engine = new List<double>(count);
        var raw = new List<double>(count);
        var one1 = new List<double>(count);
        var perQuery = new Dictionary<string, (List<double> Engine, List<double> Raw, List<double> One, int Hits)>(StringComparer.Ordinal);
        long hits = 0;
        var empty = 0;
        for (var i = 0; i < count; i++)
        {
            var text = Queries[random.Next(Queries.Length)];
            var scope = scopeOf(random);
            double engineMs, rawMs, oneMs;
            int total;
            if (i % 2 == 0)
            {
                (engineMs, total) = TimeEngine(index, text, scope, 20);
                rawMs = TimeRaw(generation, text, scope);
                (oneMs, _) = TimeEngine(index, text, scope, 1);
            }
            else
            {
                (oneMs, _) = TimeEngine(index, text, scope, 1);
                rawMs = TimeRaw(generation, text, scope);
                (engineMs, total) = TimeEngine(index, text, scope, 20);
            }

            one1.Add(oneMs);

            engine.Add(engineMs);
            raw.Add(rawMs);
            hits += total;
            empty += total == 0 ? 1 : 0;
            if (!perQuery.TryGetValue(text, out var one))
            {
                one = ([], [], [], 0);
            }

            one.Engine.Add(engineMs);
            one.Raw.Add(rawMs);
            one.One.Add(oneMs);
            perQuery[text] = (one.Engine, one.Raw, one.One, one.Hits + total);
        }

        return new QueryRun(Stats.Summarize(engine), Stats.Summarize(raw), Stats.Summarize(one1), count == 0 ? 0 : hits / (double)count,
            count == 0 ? 0 : 100.0 * empty / count, perQuery);
    }

    /// <summary>The same loop on several threads at once; latencies of all threads together.</summary>
    private static QueryRun MeasureParallel(LuceneSearchIndex index, IndexGeneration generation, Func<Random, SearchScope> scopeOf, int count, int threads, int seed)
    {
        var runs = new QueryRun[threads];
        var workers = Enumerable.Range(0, threads)
            .Select(t => new Thread(() => runs[t] = Measure(index, generation, scopeOf, count / threads, seed * 100 + t)))
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var engine = runs.SelectMany(r => r.PerQuery.Values.SelectMany(v => v.Engine)).ToList();
        var raw = runs.SelectMany(r => r.PerQuery.Values.SelectMany(v => v.Raw)).ToList();
        var one = runs.SelectMany(r => r.PerQuery.Values.SelectMany(v => v.One)).ToList();
        return new QueryRun(Stats.Summarize(engine), Stats.Summarize(raw), Stats.Summarize(one), runs.Average(r => r.MeanHits), runs.Average(r => r.NoHitsPercent), []);
    }

    private static (double Ms, int Total) TimeEngine(LuceneSearchIndex index, string text, SearchScope scope, int pageSize)
    {
        var start = Stopwatch.GetTimestamp();
        var results = index.Search(new SearchRequest(text, scope, PageSize: pageSize));
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (ms, results.Total);
    }

    private static double TimeRaw(IndexGeneration generation, string text, SearchScope scope)
    {
        var start = Stopwatch.GetTimestamp();
        var searcher = generation.Searchers.Acquire();
        try
        {
            var top = searcher.Search(RawQuery(text, scope), 20);
            GC.KeepAlive(top);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// The plain Lucene query for the same words: each folded word in the title or the body, all of them required up to
    /// three words and 70% of them beyond (the engine's own rule), under the same scope filter terms.
    /// </summary>
    public static Query RawQuery(string text, SearchScope scope)
    {
        var nfc = VietnameseText.Normalize(text);
        var words = new BooleanQuery();
        var folded = VietnameseWords.Split(nfc).Select(w => VietnameseSyllables.Fold(nfc.Substring(w.Start, w.Length))).Distinct().ToList();
        foreach (var word in folded)
        {
            words.Add(new BooleanQuery
            {
                { new TermQuery(new Term(IndexGeneration.Title + VietnameseAnalyzer.Folded, word)), Occur.SHOULD },
                { new TermQuery(new Term(IndexGeneration.Body + VietnameseAnalyzer.Folded, word)), Occur.SHOULD },
            }, Occur.SHOULD);
        }

        words.MinimumNumberShouldMatch = folded.Count <= 3 ? folded.Count : (int)Math.Ceiling(folded.Count * 0.7);
        var filter = new BooleanQuery();
        if (scope.TenantId is { } tenant)
        {
            filter.Add(new TermQuery(new Term(IndexGeneration.Commune, tenant.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (scope.ProvinceCode is { } province)
        {
            filter.Add(new TermQuery(new Term(IndexGeneration.Province, province)), Occur.MUST);
        }

        var audiences = new BooleanQuery();
        foreach (var audience in scope.Audiences)
        {
            audiences.Add(new TermQuery(new Term(IndexGeneration.Audience, IndexGeneration.AudienceTerm(audience))), Occur.SHOULD);
        }

        filter.Add(audiences, Occur.MUST);
        // As the engine filters: a constant-score clause that scores nothing (Lucene 4.8 has no FILTER occur).
        var query = new BooleanQuery
        {
            { words, Occur.MUST },
            { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST },
        };
        return query;
    }

    private static void PrintPerQuery(QueryRun run)
    {
        var table = new ReportTable("Commune queries one by one (single thread): median ms and mean hits", "query", "n", "engine p50", "page of 1 p50", "raw p50", "ratio", "mean hits");
        foreach (var (text, one) in run.PerQuery.OrderByDescending(q => Stats.Median(q.Value.Engine)))
        {
            table.Row(text, one.Engine.Count, Stats.Median(one.Engine), Stats.Median(one.One), Stats.Median(one.Raw), Stats.Median(one.Engine) / Stats.Median(one.Raw),
                one.Hits / (double)one.Engine.Count);
        }

        table.Print();
    }
}
