using System.Globalization;
using System.Text.Json.Nodes;
using QmsPortal.Benchmarks.Harness;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>tenants</c>: creates N communes from a recipe on a fresh database and times it; then measures serving them
/// (<see cref="ServeCommunesBenchmark"/>) in a fresh process so creation's allocations do not count as serving memory.
/// </summary>
internal static class TenantsBenchmark
{
    public const string Usage =
        "tenants [--count 3321] [--provider Sqlite|Postgres] [--connection ...] [--keep] [--recipe commune-starter]\n" +
        "        [--sample 200] [--seconds 10] [--concurrency 4]";

    private static readonly string[] Valued = ["--count", "--provider", "--connection", "--recipe", "--sample", "--seconds", "--concurrency"];
    private static readonly string[] Flags = ["--keep"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var count = options.Int("--count", 3321, 1, CommuneSeeder.MaxCount);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");
        var recipe = options.Get("--recipe", "commune-starter");
        var sample = options.Int("--sample", 200, 1, 10000);
        var seconds = options.Int("--seconds", 10, 1, 300);
        var concurrency = options.Int("--concurrency", 4, 1, 256);

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), options.Has("--keep"));
        Console.WriteLine($"tenants: creating {count} communes from recipe \"{recipe}\" on {database.Provider} ({database.Location})");

        SeedResult seed;
        ProvisionBreakdown breakdown;
        await using (var portal = BenchPortal.StartInMemory(database))
        {
            seed = await CommuneSeeder.CreateAsync(portal, count, recipe, TimeSpan.FromMinutes(30));
            breakdown = await CommuneSeeder.MeasureBreakdownAsync(portal, count, recipe, samples: 50);
        }

        var perCommune = Stats.Summarize(seed.PerCommuneMs);
        new ReportTable($"Creating {count} communes ({recipe}, one transaction each, {database.Provider})", "figure", "value", "unit")
            .Row("total", seed.Total.TotalSeconds, "s")
            .Row("communes per second", count / seed.Total.TotalSeconds, "/s")
            .Row("per commune, median", perCommune.Median, "ms")
            .Row("per commune, p95", perCommune.P95, "ms")
            .Row("per commune, max", perCommune.Max, "ms")
            .Row("  of which spec checks (median)", breakdown.CheckMs, "ms")
            .Row("  of which recipe load+parse (median)", breakdown.RecipeLoadMs, "ms")
            .Row("  of which recipe validation (median)", breakdown.RecipeValidateMs, "ms")
            .Row("  rest: writes + commit (median, by difference)",
                perCommune.Median - breakdown.CheckMs - breakdown.RecipeLoadMs - breakdown.RecipeValidateMs, "ms")
            .Print();

        // The child reads the same database; it is removed (unless kept) only when this method returns.
        Console.WriteLine();
        Console.WriteLine("Serving is measured in a fresh process (creation's allocations would inflate its memory figures)...");
        var serving = await SelfProcess.RunVerbAsync(
            ["serve-communes", "--provider", database.Provider, "--connection", database.ConnectionString,
             "--sample", sample.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
             "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(30));

        JsonLine.Print(new
        {
            benchmark = "tenants",
            count,
            provider = database.Provider,
            recipe,
            creation = new
            {
                totalSeconds = JsonLine.Round(seed.Total.TotalSeconds),
                perSecond = JsonLine.Round(count / seed.Total.TotalSeconds),
                perCommuneMedianMs = JsonLine.Round(perCommune.Median),
                perCommuneP95Ms = JsonLine.Round(perCommune.P95),
                perCommuneMaxMs = JsonLine.Round(perCommune.Max),
                checkMs = JsonLine.Round(breakdown.CheckMs),
                recipeLoadMs = JsonLine.Round(breakdown.RecipeLoadMs),
                recipeValidateMs = JsonLine.Round(breakdown.RecipeValidateMs),
            },
            serving = serving is null ? null : JsonNode.Parse(serving),
        });
        if (database.Kept)
        {
            Console.WriteLine($"Database kept: {database.Location}");
        }

        return 0;
    }
}
