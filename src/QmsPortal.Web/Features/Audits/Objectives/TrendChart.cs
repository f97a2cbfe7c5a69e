using System.Globalization;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>
/// The geometry of an objective's trend drawn as inline SVG on the server (no script): months along the x-axis, the
/// values as a line with points (a missing month breaks the line), the target as a dashed line, a y-axis scaled to the
/// values and the target. Pure, so the page only writes out coordinates.
/// </summary>
public sealed record TrendChart(
    string Title,
    string Description,
    IReadOnlyList<ChartMonth> Months,
    IReadOnlyList<ChartPoint> Points,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ChartTick> Ticks,
    double TargetY,
    string TargetLabel,
    string Unit)
{
    public const double Width = 640;
    public const double Height = 280;
    public const double Left = 64;
    public const double Right = 24;
    public const double Top = 20;
    public const double Bottom = 48;
    public static double PlotBottom => Height - Bottom;
    public static double PlotRight => Width - Right;

    public static TrendChart Build(string name, string unit, decimal target, ObjectiveDirection direction, IReadOnlyList<DateOnly> months,
        IReadOnlyDictionary<DateOnly, decimal> values)
    {
        var shown = months.Where(values.ContainsKey).Select(m => values[m]).ToList();
        var (low, high, step) = Scale(shown.Append(target).ToList(), unit == "%");
        var slot = (PlotRight - Left) / Math.Max(1, months.Count);
        double X(int i) => Left + ((i + 0.5) * slot);
        double Y(decimal v) => PlotBottom - ((double)(v - low) / (double)(high - low) * (PlotBottom - Top));

        var points = new List<ChartPoint>();
        var lines = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            if (!values.TryGetValue(months[i], out var value))
            {
                Flush();
                continue;
            }

            var met = direction == ObjectiveDirection.AtLeast ? value >= target : value <= target;
            var (x, y) = (X(i), Y(value));
            points.Add(new ChartPoint(x, y, $"Tháng {ObjectiveFormat.Month(months[i])}: {ObjectiveFormat.Value(value, unit)} ({(met ? "đạt" : "không đạt")})", met));
            run.Add($"{N(x)},{N(y)}");
        }

        Flush();

        var ticks = new List<ChartTick>();
        for (var v = low; v <= high; v += step)
        {
            ticks.Add(new ChartTick(Y(v), ObjectiveFormat.Number(v)));
        }

        var targetText = ObjectiveFormat.Target(direction, target, unit);
        var period = months.Count == 0 ? "" : $" từ tháng {ObjectiveFormat.Month(months[0])} đến tháng {ObjectiveFormat.Month(months[^1])}";
        return new TrendChart(
            $"Xu hướng: {name}",
            $"Giá trị hằng tháng{period}: {shown.Count} tháng có số liệu, {points.Count(p => p.Met)} tháng đạt chỉ tiêu {targetText}. Số liệu chi tiết ở bảng dưới biểu đồ.",
            months.Select((m, i) => new ChartMonth(X(i), ObjectiveFormat.ShortMonth(m))).ToList(),
            points, lines, ticks, Y(target), $"Chỉ tiêu {targetText}", unit);

        void Flush()
        {
            if (run.Count > 1)
            {
                lines.Add(string.Join(' ', run));
            }

            run.Clear();
        }
    }

    /// <summary>Coordinates in SVG are written with a dot, whatever the culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A "nice" axis (steps of 1, 2, 2.5 or 5 × 10ⁿ) around the values and the target; counts start at zero and percentages
    /// stay within 0–100, zoomed in so a trend between 93% and 98% is not a flat line at the top.
    /// </summary>
    internal static (decimal Low, decimal High, decimal Step) Scale(IReadOnlyList<decimal> numbers, bool percent)
    {
        var min = numbers.Min();
        var max = numbers.Max();
        var pad = Math.Max((max - min) * 0.1m, percent ? 1m : 0.5m);
        var low = percent ? Math.Max(0, min - pad) : 0;
        var high = percent ? Math.Min(100, max + pad) : max + pad;
        var step = NiceStep((high - low) / 4);
        low = Math.Floor(low / step) * step;
        high = Math.Ceiling(high / step) * step;
        if (high <= low)
        {
            high = low + step;
        }

        return (low, high, step);
    }

    private static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5m ? 2.5m : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}

public sealed record ChartMonth(double X, string Label);

public sealed record ChartPoint(double X, double Y, string Label, bool Met);

public sealed record ChartTick(double Y, string Label);

/// <summary>
/// An objective's chart and the same values as a table, for the partial that draws both. A province's chart of its communes'
/// mean values uses it too, with its own last column (<see cref="NoteHeader"/>, each row's <see cref="TrendRow.Note"/>).
/// </summary>
public sealed record ObjectiveTrend(int ObjectiveId, TrendChart Chart, IReadOnlyList<TrendRow> Rows, string NoteHeader = "Nguồn")
{
    public static ObjectiveTrend For(int id, string name, string unit, decimal target, ObjectiveDirection direction, IReadOnlyList<DateOnly> months,
        IReadOnlyList<(DateOnly Month, decimal Value, ObjectiveValueSource Source)> values)
    {
        var byMonth = values.ToDictionary(v => v.Month);
        var chart = TrendChart.Build(name, unit, target, direction, months, byMonth.ToDictionary(v => v.Key, v => v.Value.Value));
        var rows = months.Select(m => byMonth.TryGetValue(m, out var v)
            ? new TrendRow(m, v.Value, direction == ObjectiveDirection.AtLeast ? v.Value >= target : v.Value <= target, v.Source)
            : new TrendRow(m, null, null, null)).ToList();
        return new ObjectiveTrend(id, chart, rows);
    }

    /// <summary>The twelve months ending with <paramref name="last"/>.</summary>
    public static IReadOnlyList<DateOnly> TwelveMonths(DateOnly last)
    {
        var end = new DateOnly(last.Year, last.Month, 1);
        return Enumerable.Range(0, 12).Select(i => end.AddMonths(i - 11)).ToList();
    }
}

public sealed record TrendRow(DateOnly Month, decimal? Value, bool? Met, ObjectiveValueSource? Source, string? Note = null);
