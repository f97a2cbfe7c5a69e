using QmsPortal.Benchmarks.Harness;
using QmsPortal.Benchmarks.Verbs;

namespace QmsPortal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/QmsPortal.Benchmarks -- &lt;verb&gt; [options]</c>; see README.md beside this file.
/// Not top-level statements: those would declare a second global <c>Program</c> next to the portal's.
/// </summary>
internal static class BenchmarkProgram
{
    private static readonly Dictionary<string, Func<IReadOnlyList<string>, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["tenants"] = TenantsBenchmark.RunAsync,
        ["serve-communes"] = ServeCommunesBenchmark.RunAsync,
        ["throughput"] = ThroughputBenchmark.RunAsync,
        ["documents"] = DocumentsBenchmark.RunAsync,
        ["signin"] = SignInBenchmark.RunAsync,
        ["audits"] = AuditsBenchmark.RunAsync,
        ["reminders"] = RemindersBenchmark.RunAsync,
        ["search"] = SearchBenchmark.RunAsync,
        ["province"] = ProvinceBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var run))
        {
            return Usage(args.Length == 0 ? "No verb given." : $"Unknown verb \"{args[0]}\".");
        }

        try
        {
            return await run(args[1..]);
        }
        catch (UsageException e)
        {
            return Usage(e.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine($"""
            Usage: dotnet run -c Release --project tests/QmsPortal.Benchmarks -- <verb> [options]
              {TenantsBenchmark.Usage}
              {ServeCommunesBenchmark.Usage}
              {ThroughputBenchmark.Usage}
              {DocumentsBenchmark.Usage}
              {SignInBenchmark.Usage}
              {AuditsBenchmark.Usage}
              {RemindersBenchmark.Usage}
              {SearchBenchmark.Usage}
              {ProvinceBenchmark.Usage}
            Every figure is printed as a table and as one JSON line starting with {"{\"benchmark\""}.
            """);
        return 2;
    }
}
