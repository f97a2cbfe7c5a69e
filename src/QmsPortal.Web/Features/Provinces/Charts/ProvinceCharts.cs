using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Objectives;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Charts;

/// <summary>What the chart pages draw, for a province or one of its communes.</summary>
public sealed record ChartSet(
    BarChartView Funnel,
    IReadOnlyList<ComplianceStep> Steps,
    IReadOnlyList<ObjectiveTrend> Objectives,
    IReadOnlyList<string> NoObjective,
    BarChartView Actions);

/// <summary>
/// The pictures of the province workspace over the twelve months ending this month: the four-step funnel (from
/// <see cref="ProvinceCompliance"/>, the table's own rule), on-time rate and satisfaction against their targets (a commune's
/// own objective; for the province the mean of its communes' monthly values and how many reported), and corrective actions
/// opened (planned) and closed (checked effective) per month.
/// </summary>
public sealed class ProvinceCharts(QmsDbContext db, ProvinceCompliance compliance, TimeProvider clock)
{
    private static readonly (DeskMeasure Measure, string Name)[] Measures =
    [
        (DeskMeasure.OnTimeRate, "Tỉ lệ hồ sơ giải quyết đúng hạn"),
        (DeskMeasure.Satisfaction, "Mức độ hài lòng của người dân"),
    ];

    public DateOnly Today => VietnameseFormat.Today(clock);

    public async Task<ChartSet> ForProvinceAsync(OverseenProvince province, CancellationToken cancellationToken)
    {
        var rows = await compliance.LoadAsync(province.Code, Today, cancellationToken);
        var reached = Enumerable.Range(1, 4).Select(k => rows.Count(r => r.StepsDone >= k)).ToList();
        var names = StepNames(rows.Count > 0 ? rows[0].Steps : null);
        var funnel = BarChart.Build(
            "Bốn bước áp dụng ISO 9001 của các xã, phường",
            $"Trong {rows.Count} xã, phường của {province.Name}: " + string.Join(", ", names.Select((n, i) => $"{reached[i]} đạt bước {n.ToLower(VietnameseFormat.Culture)}")) + ".",
            "Số xã, phường", [$"Số xã, phường (trên {rows.Count})"], names.Select((n, i) => $"{i + 1}. {n}").ToList(), reached.Select(v => (IReadOnlyList<int>)[v]).ToList());

        var ids = rows.Select(r => r.TenantId).ToList();
        var months = ObjectiveTrend.TwelveMonths(Today);
        var objectives = new List<ObjectiveTrend>();
        var missing = new List<string>();
        foreach (var (measure, name) in Measures)
        {
            var (of, values) = await ObjectivesAsync(ids, measure, months, cancellationToken);
            if (of.Count == 0)
            {
                missing.Add($"{name}: chưa xã, phường nào có mục tiêu chất lượng đo chỉ số này.");
                continue;
            }

            var byMonth = values.GroupBy(v => v.Month).ToDictionary(g => g.Key, g => (Mean: Math.Round(g.Average(v => v.Value), 2), Count: g.Count()));
            var target = Math.Round(of.Average(o => o.Target), 2);
            var direction = of.GroupBy(o => o.Direction).MaxBy(g => g.Count())!.Key;
            var chart = TrendChart.Build($"{name} (bình quân các xã)", "%", target, direction, months, byMonth.ToDictionary(v => v.Key, v => v.Value.Mean));
            var trendRows = months.Select(m => byMonth.TryGetValue(m, out var v)
                ? new TrendRow(m, v.Mean, QualityObjective.Meets(direction, target, v.Mean), null, $"{v.Count}/{of.Count} xã")
                : new TrendRow(m, null, null, null, $"0/{of.Count} xã")).ToList();
            objectives.Add(new ObjectiveTrend((int)measure, chart, trendRows, "Số xã báo cáo"));
        }

        return new ChartSet(new BarChartView("pheu-bon-buoc", funnel, "Bước"), [], objectives, missing, await ActionsAsync(ids, months, cancellationToken));
    }

    /// <summary>One commune's pictures; null when the slug names no commune of the province.</summary>
    public async Task<(string Name, ChartSet Charts)?> ForCommuneAsync(OverseenProvince province, string slug, CancellationToken cancellationToken)
    {
        var commune = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug && t.ProvinceCode == province.Code)
            .Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(cancellationToken);
        if (commune is null || await compliance.LoadCommuneAsync(commune.Id, Today, cancellationToken) is not { } row)
        {
            return null;
        }

        var steps = row.Steps;
        var names = StepNames(steps);
        var funnel = BarChart.Build(
            $"Bốn bước áp dụng ISO 9001 của {commune.Name}",
            $"{commune.Name} đã đạt {row.StepsDone}/4 bước: " + string.Join("; ", steps.Select(s => $"{s.Name} {(s.Done && s.Date is { } d ? "đạt ngày " + VietnameseFormat.Date(d) : s.Done ? "đạt" : "chưa đạt")}")) + ".",
            "Đã đạt (1) / chưa đạt (0)", ["Đã đạt"], names.Select((n, i) => $"{i + 1}. {n}").ToList(),
            Enumerable.Range(1, 4).Select(k => (IReadOnlyList<int>)[row.StepsDone >= k ? 1 : 0]).ToList());

        var months = ObjectiveTrend.TwelveMonths(Today);
        var objectives = new List<ObjectiveTrend>();
        var missing = new List<string>();
        foreach (var (measure, name) in Measures)
        {
            var (of, values) = await ObjectivesAsync([commune.Id], measure, months, cancellationToken);
            if (of.FirstOrDefault() is not { } o)
            {
                missing.Add($"{name}: xã chưa có mục tiêu chất lượng đo chỉ số này.");
                continue;
            }

            objectives.Add(ObjectiveTrend.For(o.Id, o.Name, o.Unit, o.Target, o.Direction, months, values.Select(v => (v.Month, v.Value, v.Source)).ToList()));
        }

        return (commune.Name, new ChartSet(new BarChartView("pheu-bon-buoc", funnel, "Bước"), steps, objectives, missing, await ActionsAsync([commune.Id], months, cancellationToken)));
    }

    private static List<string> StepNames(IReadOnlyList<ComplianceStep>? steps) =>
        steps is { Count: 4 } ? steps.Select(s => s.Name).ToList() : ["Xây dựng", "Áp dụng", "Công bố", "Duy trì, cải tiến"];

    private sealed record Objective(int TenantId, int Id, string Name, string Unit, decimal Target, ObjectiveDirection Direction);

    private sealed record MonthValue(int ObjectiveId, DateOnly Month, decimal Value, ObjectiveValueSource Source);

    /// <summary>Each commune's first active objective of the measure (the compliance table's choice too) and its values in the months.</summary>
    private async Task<(List<Objective> Objectives, List<MonthValue> Values)> ObjectivesAsync(List<int> ids, DeskMeasure measure, IReadOnlyList<DateOnly> months,
        CancellationToken cancellationToken)
    {
        // Across the province's communes on purpose; the id list is the scope.
        var objectives = (await db.Set<QualityObjective>().IgnoreQueryFilters().AsNoTracking()
                .Where(o => ids.Contains(o.TenantId) && o.IsActive && o.Measure == measure)
                .Select(o => new Objective(o.TenantId, o.Id, o.Name, o.Unit, o.Target, o.Direction)).ToListAsync(cancellationToken))
            .GroupBy(o => o.TenantId).Select(g => g.MinBy(o => o.Id)!).ToList();
        var chosen = objectives.Select(o => o.Id).ToList();
        var (first, last) = (months[0], months[^1]);
        var values = await db.Set<ObjectiveValue>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => chosen.Contains(v.ObjectiveId) && v.Month >= first && v.Month <= last)
            .Select(v => new MonthValue(v.ObjectiveId, v.Month, v.Value, v.Source)).ToListAsync(cancellationToken);
        return (objectives, values);
    }

    private async Task<BarChartView> ActionsAsync(List<int> ids, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken)
    {
        // Across the communes on purpose; instants are bucketed by the day in Viet Nam here (SQLite cannot compare them in SQL).
        var events = await db.Set<CorrectiveActionEvent>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => ids.Contains(e.TenantId) && (e.Change == CorrectiveActionChange.Planned || e.Change == CorrectiveActionChange.CheckedEffective))
            .Select(e => new { e.CorrectiveActionId, e.Change, e.At, e.Id }).ToListAsync(cancellationToken);
        static DateOnly MonthOf(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(VietnameseFormat.Local(at).DateTime);
            return new DateOnly(day.Year, day.Month, 1);
        }

        var opened = events.Where(e => e.Change == CorrectiveActionChange.Planned).GroupBy(e => e.CorrectiveActionId)
            .Select(g => MonthOf(g.MinBy(e => (e.At, e.Id))!.At)).CountBy(m => m).ToDictionary();
        var closed = events.Where(e => e.Change == CorrectiveActionChange.CheckedEffective).Select(e => MonthOf(e.At)).CountBy(m => m).ToDictionary();
        var values = months.Select(m => (IReadOnlyList<int>)[opened.GetValueOrDefault(m), closed.GetValueOrDefault(m)]).ToList();
        var chart = BarChart.Build(
            "Hành động khắc phục mở và đóng hằng tháng",
            $"Trong 12 tháng từ tháng {ObjectiveFormat.Month(months[0])} đến tháng {ObjectiveFormat.Month(months[^1])}: {values.Sum(v => v[0])} hành động được lập, {values.Sum(v => v[1])} hành động được đóng (đã kiểm tra hiệu lực).",
            "Số hành động", ["Mở (lập kế hoạch)", "Đóng (có hiệu lực)"], months.Select(ObjectiveFormat.ShortMonth).ToList(), values);
        return new BarChartView("khac-phuc-hang-thang", chart, "Tháng");
    }
}
