namespace QmsPortal.Benchmarks.Harness;

/// <summary>Percentiles by linear interpolation between closest ranks (the common "type 7" definition).</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = percent / 100.0 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static LatencySummary Summarize(IReadOnlyCollection<double> milliseconds) => new(
        milliseconds.Count, Median(milliseconds), Percentile(milliseconds, 95), Percentile(milliseconds, 99),
        milliseconds.Count == 0 ? double.NaN : milliseconds.Max());
}

internal sealed record LatencySummary(int Count, double Median, double P95, double P99, double Max);
