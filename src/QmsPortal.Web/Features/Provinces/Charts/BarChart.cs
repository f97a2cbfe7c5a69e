using QmsPortal.Web.Features.Audits.Objectives;

namespace QmsPortal.Web.Features.Provinces.Charts;

/// <summary>
/// Counts drawn as vertical bars on the server (no script): one group per category (a step, a month), one bar per series
/// (opened, closed), each bar with its figure written above it. The canvas, the axis scale and the coordinates are those of
/// the objectives' <see cref="TrendChart"/>, so both kinds of chart look alike and share one scaling rule.
/// </summary>
public sealed record BarChart(
    string Title,
    string Description,
    string AxisLabel,
    IReadOnlyList<string> Series,
    IReadOnlyList<BarCategory> Categories,
    IReadOnlyList<BarRect> Bars,
    IReadOnlyList<ChartTick> Ticks)
{
    public static readonly string[] Colours = ["#1a4f8b", "#c77c0e"];

    public static BarChart Build(string title, string description, string axisLabel, IReadOnlyList<string> series, IReadOnlyList<string> categories,
        IReadOnlyList<IReadOnlyList<int>> values)
    {
        var all = values.SelectMany(v => v).Select(v => (decimal)v).Append(0m).ToList();
        var (low, high, step) = TrendChart.Scale(all, percent: false);
        var slot = (TrendChart.PlotRight - TrendChart.Left) / Math.Max(1, categories.Count);
        var barWidth = slot * 0.7 / Math.Max(1, series.Count);
        double Y(decimal v) => TrendChart.PlotBottom - ((double)(v - low) / (double)(high - low) * (TrendChart.PlotBottom - TrendChart.Top));

        var bars = new List<BarRect>();
        for (var c = 0; c < categories.Count; c++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var value = values[c][s];
                var x = TrendChart.Left + (c * slot) + (slot * 0.15) + (s * barWidth);
                var y = Y(value);
                bars.Add(new BarRect(x, y, barWidth, TrendChart.PlotBottom - y, value, s,
                    series.Count > 1 ? $"{categories[c]} — {series[s]}: {value}" : $"{categories[c]}: {value}"));
            }
        }

        var ticks = new List<ChartTick>();
        for (var v = low; v <= high; v += step)
        {
            ticks.Add(new ChartTick(Y(v), ObjectiveFormat.Number(v)));
        }

        return new BarChart(title, description, axisLabel, series,
            categories.Select((label, i) => new BarCategory(TrendChart.Left + ((i + 0.5) * slot), label, values[i])).ToList(), bars, ticks);
    }
}

public sealed record BarCategory(double X, string Label, IReadOnlyList<int> Values);

public sealed record BarRect(double X, double Y, double Width, double Height, int Value, int Series, string Label);

/// <summary>A bar chart, its element id and the table of the same figures, for the partial that draws both.</summary>
public sealed record BarChartView(string Id, BarChart Chart, string CategoryHeader);
