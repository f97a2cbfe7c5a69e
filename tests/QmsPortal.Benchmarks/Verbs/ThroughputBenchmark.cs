using QmsPortal.Benchmarks.Harness;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>throughput</c>: wrk against one path and against the trivial endpoint of the same host, interleaved over
/// rounds. Absolute req/s swing ±30% between runs on these machines; the same-run ratio is the figure that carries over.
/// </summary>
internal static class ThroughputBenchmark
{
    public const string Usage =
        "throughput --path /some/path [--compare /__bench/trivial] [--seconds 15] [--connections 32] [--rounds 3] [--warmup 80]\n" +
        "        [--seed demo|commune-starter|none] [--count 300] [--threads 1] [--cpu 1] [--provider Sqlite|Postgres] [--connection ...]";

    private static readonly string[] Valued =
        ["--path", "--compare", "--seconds", "--connections", "--rounds", "--warmup", "--seed", "--count", "--threads", "--cpu", "--provider", "--connection"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, []);
        var path = options.Get("--path") ?? throw new UsageException("throughput needs --path, e.g. --path /tuyen-binh.");
        var compare = options.Get("--compare", BenchPortal.TrivialPath);
        if (!path.StartsWith('/') || !compare.StartsWith('/'))
        {
            throw new UsageException("--path and --compare are paths on the portal and start with /.");
        }

        var seconds = options.Int("--seconds", 15, 1, 120);
        var connections = options.Int("--connections", 32, 1, 1000);
        var rounds = options.Int("--rounds", 3, 1, 10);
        // Longest untimed load before round 1; see WarmUpAsync.
        var warmUpSeconds = options.Int("--warmup", 80, 6 * WarmUpStep, 600);
        var seed = options.OneOf("--seed", "demo", "demo", "commune-starter", "none");
        var count = options.Int("--count", 300, 1, CommuneSeeder.MaxCount);
        var threads = options.Int("--threads", 1, 1, 64);
        var cpu = options.Int("--cpu", 1, 0, Environment.ProcessorCount - 1);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");

        if (Wrk.Find("wrk") is null)
        {
            Console.Error.WriteLine(Wrk.InstallHint);
            return 1;
        }

        var pinned = Wrk.Find("taskset") is not null;
        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), keep: false);
        await using var portal = BenchPortal.StartOnKestrel(database, demo: seed == "demo");
        if (seed == "commune-starter")
        {
            await CommuneSeeder.CreateAsync(portal, count, "commune-starter", TimeSpan.FromMinutes(30));
        }

        Console.WriteLine($"throughput: portal at {portal.BaseAddress} (Production, {provider}, seed {seed}); " +
            $"wrk -t{threads} -c{connections} -d{seconds}s --latency, {(pinned ? $"pinned to CPU {cpu} with taskset" : "NOT pinned (taskset missing)")}");

        long pathBytes;
        using (var client = LoopbackHttp.Client(portal.BaseAddress, 1))
        {
            var probe = await LoopbackHttp.TimeAsync(client, path);
            var probeCompare = await LoopbackHttp.TimeAsync(client, compare);
            foreach (var p in new[] { probe, probeCompare }.Where(p => !p.Ok))
            {
                Console.Error.WriteLine($"{p.Path} answers HTTP {p.Status}; a throughput figure for it would be meaningless.");
                return 1;
            }

            pathBytes = probe.Bytes;
        }

        var pathUrl = new Uri(portal.BaseAddress, path);
        var compareUrl = new Uri(portal.BaseAddress, compare);
        int? pinTo = pinned ? cpu : null;
        await WarmUpAsync(pathUrl, compareUrl, warmUpSeconds, connections, threads, pinTo);

        var results = new List<(int Round, string Target, WrkResult Result)>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternating which goes first keeps a slow drift (heat, other tenants of the machine) out of the ratio.
            var order = round % 2 == 1 ? new[] { ("path", pathUrl), ("compare", compareUrl) } : [("compare", compareUrl), ("path", pathUrl)];
            foreach (var (target, url) in order)
            {
                var result = await Wrk.RunAsync(url, seconds, connections, threads, pinTo);
                results.Add((round, target, result));
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  round {round} {url.AbsolutePath}: {result.RequestsPerSecond:0} req/s"));
            }
        }

        var table = new ReportTable($"wrk rounds (interleaved), {seconds} s each", "round", "path", "req/s", "p50 ms", "p75 ms", "p90 ms", "p99 ms", "requests", "non-2xx", "socket err");
        foreach (var (round, _, r) in results)
        {
            table.Row(round, new Uri(r.Url).AbsolutePath, r.RequestsPerSecond, r.P50Ms, r.P75Ms, r.P90Ms, r.P99Ms, r.Requests, r.Non2xx, r.SocketErrors);
        }

        table.Print();

        var pathMedian = Median(results, "path");
        var compareMedian = Median(results, "compare");
        var ratio = pathMedian.Rps / compareMedian.Rps;
        new ReportTable($"Medians of {rounds} rounds", "path", "req/s", "p50 ms", "p90 ms", "p99 ms", "response bytes")
            .Row(path, pathMedian.Rps, pathMedian.P50, pathMedian.P90, pathMedian.P99, pathBytes)
            .Row(compare, compareMedian.Rps, compareMedian.P50, compareMedian.P90, compareMedian.P99, "")
            .Row("ratio path/compare (req/s)", ratio, "", "", "", "")
            .Print();
        var errors = results.Sum(r => r.Result.Non2xx + r.Result.SocketErrors);
        if (errors > 0)
        {
            Console.WriteLine($"WARNING: {errors} non-2xx responses or socket errors; the figures include failures.");
        }

        JsonLine.Print(new
        {
            benchmark = "throughput",
            path,
            compare,
            seed,
            provider,
            wrk = new { threads, connections, seconds, rounds, warmUpSeconds, pinnedCpu = pinTo },
            pathBytes,
            pathRps = JsonLine.Round(pathMedian.Rps),
            pathP50Ms = JsonLine.Round(pathMedian.P50, 3),
            pathP90Ms = JsonLine.Round(pathMedian.P90, 3),
            pathP99Ms = JsonLine.Round(pathMedian.P99, 3),
            compareRps = JsonLine.Round(compareMedian.Rps),
            compareP50Ms = JsonLine.Round(compareMedian.P50, 3),
            compareP99Ms = JsonLine.Round(compareMedian.P99, 3),
            ratio = JsonLine.Round(ratio, 3),
            roundsRps = results.Select(r => new { r.Round, r.Target, rps = JsonLine.Round(r.Result.RequestsPerSecond) }),
            errors,
        });
        return errors == 0 ? 0 : 1;
    }

    private const int WarmUpStep = 5;

    /// <summary>
    /// Untimed load on both URLs, alternating in 5-second steps: at least three pairs, then until the path's last
    /// two steps agree within 5%, at most <paramref name="limitSeconds"/> in all. On a busy 2-core machine a Razor
    /// page keeps speeding up for 30–40 s after start (tiered compilation with dynamic PGO: measured 225–825 req/s in
    /// the first 15 s, 5,000–6,700 later; with tiered compilation off every round stays near 1,700), and that curve
    /// must not land in round 1.
    /// </summary>
    private static async Task WarmUpAsync(Uri pathUrl, Uri compareUrl, int limitSeconds, int connections, int threads, int? cpu)
    {
        var previous = 0.0;
        for (var pairs = 1; pairs * 2 * WarmUpStep <= limitSeconds; pairs++)
        {
            var rps = (await Wrk.RunAsync(pathUrl, WarmUpStep, connections, threads, cpu)).RequestsPerSecond;
            var compareRps = (await Wrk.RunAsync(compareUrl, WarmUpStep, connections, threads, cpu)).RequestsPerSecond;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  warm-up {pairs}: {pathUrl.AbsolutePath} {rps:0} req/s, {compareUrl.AbsolutePath} {compareRps:0} req/s"));
            if (pairs >= 3 && Math.Abs(rps - previous) <= 0.05 * Math.Max(rps, previous))
            {
                return;
            }

            previous = rps;
        }
    }

    private static (double Rps, double P50, double P90, double P99) Median(List<(int Round, string Target, WrkResult Result)> results, string target)
    {
        var mine = results.Where(r => r.Target == target).Select(r => r.Result).ToList();
        return (Stats.Median(mine.Select(r => r.RequestsPerSecond).ToList()), Stats.Median(mine.Select(r => r.P50Ms).ToList()),
            Stats.Median(mine.Select(r => r.P90Ms).ToList()), Stats.Median(mine.Select(r => r.P99Ms).ToList()));
    }
}
