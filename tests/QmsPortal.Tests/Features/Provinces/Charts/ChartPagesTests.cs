using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Provinces.Compliance;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Provinces.Charts;

/// <summary>The province's pictures: server-drawn SVG with their figures as text and as a table, for the province and for one commune.</summary>
public sealed class ChartPagesTests(ChartPagesTests.Fixture fixture) : IClassFixture<ChartPagesTests.Fixture>
{
    /// <summary>One seeded province for the class (its tests only read it).</summary>
    public sealed class Fixture : PortalFactory
    {
        public Fixture() => Seeded = new Lazy<Task<Seeded>>(() => SeedAsync(this));

        internal Lazy<Task<Seeded>> Seeded { get; }
    }

    internal sealed record Seeded(AuditOffice Applying, AuditOffice Idle, string Auditor);

    /// <summary>
    /// Province 31: one commune that built and applies its system (two steps), with on-time values in October and November 2026
    /// and corrective actions planned in September and November (one closed effective in November); another with an on-time value in
    /// November only.
    /// </summary>
    private static async Task<Seeded> SeedAsync(PortalFactory portal)
    {
        var applying = await portal.OfficeAsync("31");
        var idle = await portal.OfficeAsync("31");
        foreach (var (code, kind) in new[] { ("CS-01", DocumentKind.QualityPolicy), ("MT-01", DocumentKind.QualityObjectives), ("QT-01", DocumentKind.TthcProcedure) })
        {
            await DocumentSeed.CreateAsync(portal, applying.Commune, code, RevisionStatus.Issued, applying.Secretary, applying.Approver, kind: kind, effective: new DateOnly(2026, 1, 5));
        }

        await portal.MilestoneAsync(applying.Commune, IsoMilestoneKind.InternalAudit, new DateOnly(2026, 3, 1), "danh-gia/cuoc-danh-gia/1");
        await portal.MilestoneAsync(applying.Commune, IsoMilestoneKind.ManagementReview, new DateOnly(2026, 3, 5), "danh-gia/xem-xet-lanh-dao/1");
        await portal.MilestoneAsync(applying.Commune, IsoMilestoneKind.EffectivenessConfirmation, new DateOnly(2026, 3, 6), "danh-gia/xem-xet-lanh-dao/1");
        await ObjectiveAsync(portal, applying.Commune, (new DateOnly(2026, 10, 1), 90m), (new DateOnly(2026, 11, 1), 96m));
        await ObjectiveAsync(portal, idle.Commune, (new DateOnly(2026, 11, 1), 92m));

        var finding = await portal.FindingAsync(applying);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var f = await db.Set<Finding>().SingleAsync(x => x.Id == finding);
            var owner = await portal.PersonAsync(applying.Staff);
            var secretary = await portal.PersonAsync(applying.Secretary);
            var september = new DateTimeOffset(2026, 9, 15, 3, 0, 0, TimeSpan.Zero);
            var november = new DateTimeOffset(2026, 11, 3, 3, 0, 0, TimeSpan.Zero);
            var first = CorrectiveAction.Plan(f, "Sửa ngay.", "Nguyên nhân.", "Hành động.", owner, new DateOnly(2026, 10, 30), "Không tái diễn.", 0, secretary, new DateOnly(2026, 9, 15), september);
            var second = CorrectiveAction.Plan(f, "Sửa ngay.", "Nguyên nhân.", "Hành động.", owner, new DateOnly(2026, 12, 30), "Không tái diễn.", 0, secretary, new DateOnly(2026, 11, 3), november);
            first.Complete("Đã làm.", new DateOnly(2026, 11, 2), owner, november);
            first.CheckEffectiveness(true, "Có hiệu lực.", new DateOnly(2026, 11, 3), secretary, november);
            db.AddRange(first, second);
            await db.SaveChangesAsync();
        }, applying.Commune);
        return new Seeded(applying, idle, applying.ProvinceAuditor);
    }

    private static Task ObjectiveAsync(PortalFactory portal, TenantInfo commune, params (DateOnly Month, decimal Value)[] values) =>
        portal.InScopeAsync(async sp =>
        {
            var objective = QualityObjective.Create("Giải quyết đúng hạn", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 95, ObjectiveDirection.AtLeast, DeskMeasure.OnTimeRate);
            foreach (var (month, value) in values)
            {
                objective.SetValue(month, value, ObjectiveValueSource.Typed);
            }

            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(objective);
            await db.SaveChangesAsync();
        }, commune);

    private static int[] Values(AngleSharp.Dom.IElement chart, int series = 0) =>
        chart.QuerySelectorAll($"g.bar[data-series='{series}']").Select(b => int.Parse(b.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task The_province_funnel_counts_the_communes_at_each_step_in_the_picture_its_text_and_its_table()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await fixture.SignedInAsync(s.Auditor);
        var rows = await fixture.LoadAsync("31");

        var page = await Html.GetDocumentAsync(auditor, "/tinh/31/bieu-do");

        var funnel = page.QuerySelector("#pheu-bon-buoc")!;
        var expected = Enumerable.Range(1, 4).Select(k => rows.Count(r => r.StepsDone >= k)).ToArray();
        Assert.Equal([1, 1, 0, 0], expected);
        Assert.Equal(expected, Values(funnel));
        Assert.Equal("img", funnel.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Equal("Trong 2 xã, phường của Thành phố Hải Phòng: 1 đạt bước xây dựng, 1 đạt bước áp dụng, 0 đạt bước công bố, 0 đạt bước duy trì, cải tiến.",
            funnel.QuerySelector("desc")!.TextContent);
        Assert.Equal(["1", "1", "0", "0"], page.QuerySelectorAll("#pheu-bon-buoc-so-lieu tbody td").Select(td => td.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("#bieu-do-tung-xa li a").Length);
    }

    [Fact]
    public async Task The_province_trend_is_the_mean_of_the_communes_values_with_how_many_reported()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await fixture.SignedInAsync(s.Auditor);

        var page = await Html.GetDocumentAsync(auditor, "/tinh/31/bieu-do");

        var onTime = page.QuerySelector("#bieu-do-1")!;
        Assert.Equal(2, onTime.QuerySelectorAll("circle.value-point").Length);
        Assert.Contains("Tháng 11/2026: 94", onTime.QuerySelectorAll("circle.value-point title")[^1].TextContent, StringComparison.Ordinal);
        var november = page.QuerySelector("#so-lieu-1 tr[data-month='2026-11']")!;
        Assert.Contains("2/2 xã", november.TextContent, StringComparison.Ordinal);
        Assert.Contains("1/2 xã", page.QuerySelector("#so-lieu-1 tr[data-month='2026-10']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.QuerySelectorAll("#so-lieu-1 tbody tr").Length);
        Assert.Contains("Mức độ hài lòng của người dân: chưa xã, phường nào", page.QuerySelector(".chua-co-muc-tieu")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrective_actions_opened_and_closed_are_counted_per_month_over_twelve_months()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await fixture.SignedInAsync(s.Auditor);

        var page = await Html.GetDocumentAsync(auditor, "/tinh/31/bieu-do");

        var chart = page.QuerySelector("#khac-phuc-hang-thang")!;
        Assert.Equal(24, chart.QuerySelectorAll("g.bar").Length);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], Values(chart, 0));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], Values(chart, 1));
        Assert.Contains("2 hành động được lập, 1 hành động được đóng", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_communes_page_shows_its_own_steps_with_dates_and_its_own_objective()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await fixture.SignedInAsync(s.Auditor);

        var page = await Html.GetDocumentAsync(auditor, $"/tinh/31/bieu-do/{s.Applying.Slug}");
        var idle = await Html.GetDocumentAsync(auditor, $"/tinh/31/bieu-do/{s.Idle.Slug}");

        Assert.Equal([1, 1, 0, 0], Values(page.QuerySelector("#pheu-bon-buoc")!));
        Assert.Equal(["true", "true", "false", "false"], page.QuerySelectorAll("#cac-buoc li").Select(li => li.GetAttribute("data-done")));
        Assert.Contains("đạt ngày 06/03/2026", page.QuerySelector("#cac-buoc li[data-step='2']")!.TextContent, StringComparison.Ordinal);
        var trend = page.QuerySelector("figure.trend-chart")!;
        Assert.Equal(2, trend.QuerySelectorAll("circle.value-point").Length);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], Values(page.QuerySelector("#khac-phuc-hang-thang")!, 0));
        Assert.Equal([0, 0, 0, 0], Values(idle.QuerySelector("#pheu-bon-buoc")!));
        Assert.Equal(24, idle.QuerySelectorAll("#khac-phuc-hang-thang g.bar").Length);
        Assert.Equal(0, Values(idle.QuerySelector("#khac-phuc-hang-thang")!).Sum());
    }
}
