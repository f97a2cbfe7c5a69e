using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Objectives;

namespace QmsPortal.Tests.Features.Audits.Objectives;

public sealed class TrendChartTests
{
    private static readonly IReadOnlyList<DateOnly> Year = ObjectiveTrend.TwelveMonths(new DateOnly(2026, 10, 1));

    [Fact]
    public void Percentages_are_zoomed_around_values_and_target_and_counts_start_at_zero()
    {
        Assert.Equal((92m, 100m, 2m), TrendChart.Scale([93m, 98m, 95m], percent: true));
        Assert.Equal((0m, 8m, 2m), TrendChart.Scale([0m, 6m, 2m], percent: false));
        var flat = TrendChart.Scale([100m, 100m], percent: true);
        Assert.True(flat.High > flat.Low && flat.High <= 100);
    }

    [Fact]
    public void A_missing_month_breaks_the_line_and_points_above_the_target_sit_higher()
    {
        var values = new Dictionary<DateOnly, decimal> { [Year[0]] = 96, [Year[1]] = 94, [Year[3]] = 97, [Year[4]] = 98 };

        var chart = TrendChart.Build("Đúng hạn", "%", 95, ObjectiveDirection.AtLeast, Year, values);

        Assert.Equal(12, chart.Months.Count);
        Assert.Equal("T11/25", chart.Months[0].Label);
        Assert.Equal(2, chart.Lines.Count);
        Assert.Equal([true, false, true, true], chart.Points.Select(p => p.Met));
        Assert.True(chart.Points[0].Y < chart.TargetY && chart.Points[1].Y > chart.TargetY);
        Assert.Equal("Chỉ tiêu ≥ 95%", chart.TargetLabel);
        Assert.Contains("4 tháng có số liệu, 3 tháng đạt", chart.Description, StringComparison.Ordinal);
    }
}
