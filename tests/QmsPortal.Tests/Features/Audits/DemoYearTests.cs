using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits;

/// <summary>The demo gives Xã Tuyên Bình a realistic year of audit records, seen through its pages by its own people.</summary>
public sealed class DemoYearTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Password = "Demo@2025qms";

    [Fact]
    public async Task The_audit_overview_shows_two_signed_audits_a_planned_one_and_the_overdue_action()
    {
        var auditor = await portal.SignedInAsync("danhgia.tuyenbinh@qms.demo", Password);

        var page = await Html.GetDocumentAsync(auditor, "/tuyen-binh/danh-gia?nam=2026");

        var rows = page.QuerySelectorAll("#cac-cuoc-danh-gia tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Đánh giá nội bộ lần 1 năm 2026", StringComparison.Ordinal) && r.Contains("14/05/2026", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Đánh giá nội bộ lần 2 năm 2026", StringComparison.Ordinal) && r.Contains("08/10/2026", StringComparison.Ordinal));
        Assert.Equal("1", page.QuerySelector("[data-count=overdue-actions]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Findings_of_every_grade_are_listed_with_their_references()
    {
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", Password);

        var page = await Html.GetDocumentAsync(secretary, "/tuyen-binh/danh-gia/phat-hien");

        var rows = page.QuerySelectorAll("#danh-sach-phat-hien tr[data-reference]").ToDictionary(r => r.GetAttribute("data-reference")!, r => r.TextContent);
        Assert.Contains("Không phù hợp nặng", rows["PH-2026-001"], StringComparison.Ordinal);
        Assert.Contains("Không phù hợp nhẹ", rows["PH-2026-002"], StringComparison.Ordinal);
        Assert.Contains("Khuyến nghị", rows["PH-2026-003"], StringComparison.Ordinal);
        Assert.Contains("Cơ hội cải tiến", rows["PH-2026-004"], StringComparison.Ordinal);
        Assert.Contains("PH-2026-006", rows.Keys);
    }

    [Fact]
    public async Task One_action_is_closed_effective_one_is_overdue_and_one_was_reopened_with_its_history()
    {
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", Password);

        var closed = await FindingAsync(secretary, "PH-2026-001");
        var reopened = await FindingAsync(secretary, "PH-2026-002");
        var actions = await Html.GetDocumentAsync(secretary, "/tuyen-binh/danh-gia/khac-phuc");

        Assert.Equal("Effective", closed.QuerySelector("#hanh-dong-khac-phuc article")!.GetAttribute("data-status"));
        Assert.Contains("Đã đóng", closed.QuerySelector("#tinh-trang-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Open", reopened.QuerySelector("#hanh-dong-khac-phuc article")!.GetAttribute("data-status"));
        Assert.NotNull(reopened.QuerySelector("tr[data-change=CheckedNotEffective]"));
        Assert.Contains("15/12/2026", reopened.QuerySelector("#hanh-dong-khac-phuc article")!.TextContent, StringComparison.Ordinal);
        var overdue = actions.QuerySelectorAll("#danh-sach-hanh-dong tbody tr").Where(r => r.TextContent.Contains("Quá hạn", StringComparison.Ordinal)).ToList();
        Assert.Contains("PH-2026-005", Assert.Single(overdue).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_review_is_closed_and_confirmed_by_the_chair()
    {
        var chair = await portal.SignedInAsync("chutich.tuyenbinh@qms.demo", Password);

        var list = await Html.GetDocumentAsync(chair, "/tuyen-binh/danh-gia/xem-xet-lanh-dao");
        var link = list.QuerySelector("#cac-cuoc-xem-xet a")!.GetAttribute("href")!;
        var review = await Html.GetDocumentAsync(chair, link);

        Assert.Contains("20/11/2026", list.QuerySelector("#cac-cuoc-xem-xet")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", list.QuerySelector("#xac-nhan-hieu-luc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PH-2026-005", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_objective_charts_twelve_monthly_values_against_its_target()
    {
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", Password);
        var index = await Html.GetDocumentAsync(secretary, "/tuyen-binh/danh-gia/muc-tieu");
        var links = index.QuerySelectorAll("main a[href^='/tuyen-binh/danh-gia/muc-tieu/']").Select(a => a.GetAttribute("href")!)
            .Where(h => int.TryParse(h.Split('/').Last(), out _)).Distinct().ToList();

        Assert.Equal(3, links.Count);
        foreach (var link in links)
        {
            var page = await Html.GetDocumentAsync(secretary, link);
            Assert.Equal(12, page.QuerySelectorAll("svg circle.value-point").Length);
            Assert.NotNull(page.QuerySelector("svg line.target-line"));
            Assert.NotNull(page.QuerySelector("tr[data-month='2025-12']"));
            Assert.NotNull(page.QuerySelector("tr[data-month='2026-11']"));
        }
    }

    [Fact]
    public async Task The_province_inspection_shows_its_finding_and_the_report_due_two_months_after_the_minutes()
    {
        var inspector = await portal.SignedInAsync("kiemtra.quangtri@qms.demo", Password);

        var list = await Html.GetDocumentAsync(inspector, "/tuyen-binh/danh-gia/kiem-tra-cua-tinh");
        var link = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).First(h => System.Text.RegularExpressions.Regex.IsMatch(h, "/kiem-tra-cua-tinh/[0-9]+$"));
        var page = await Html.GetDocumentAsync(inspector, link);

        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Quảng Trị", page.QuerySelector("#thong-tin-kiem-tra")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("16/10/2026", page.QuerySelector("#thong-tin-kiem-tra")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hạn 16/12/2026", page.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#phat-hien-kiem-tra li[data-reference='PH-2026-006']"));
    }

    [Fact]
    public async Task The_iso_status_step_two_lists_the_signed_audits_the_closed_review_and_the_confirmation()
    {
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", Password);

        var iso = await Html.GetDocumentAsync(secretary, "/tuyen-binh/tai-lieu/he-thong-iso");

        var step = iso.QuerySelector("#bon-buoc li[data-step='2']")!.TextContent;
        Assert.Contains("Xem xét của lãnh đạo ngày 20/11/2026", step, StringComparison.Ordinal);
        Assert.Contains("Người đứng đầu xác nhận hiệu lực ngày 24/11/2026", step, StringComparison.Ordinal);
        var audits = iso.QuerySelectorAll("#bang-chung tr[data-kind=InternalAudit][data-typed=false] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, href => Assert.Matches("^/tuyen-binh/danh-gia/cuoc-danh-gia/[0-9]+$", href));
    }

    [Fact]
    public async Task Applying_the_demo_again_changes_nothing()
    {
        var tuyenBinh = await portal.InScopeAsync(sp => sp.GetRequiredService<TenantDirectory>().FindBySlugAsync("tuyen-binh", CancellationToken.None));
        var before = await CountsAsync(tuyenBinh!);

        await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync("demo"), null);
        });

        Assert.Equal(before, await CountsAsync(tuyenBinh!));
        Assert.Equal(6, before[2]);
    }

    private Task<int[]> CountsAsync(TenantInfo commune) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        return new[]
        {
            await db.Set<AuditProgramme>().CountAsync(), await db.Set<Audit>().CountAsync(), await db.Set<Finding>().CountAsync(),
            await db.Set<CorrectiveAction>().CountAsync(), await db.Set<CorrectiveActionEvent>().CountAsync(), await db.Set<QualityObjective>().CountAsync(),
            await db.Set<ObjectiveValue>().CountAsync(), await db.Set<ManagementReview>().CountAsync(), await db.Set<EffectivenessConfirmation>().CountAsync(),
            await db.Set<ProvinceInspection>().CountAsync(), await db.Set<IsoMilestone>().CountAsync(i => i.RecordPath != null),
        };
    }, commune);

    private static async Task<AngleSharp.Dom.IDocument> FindingAsync(HttpClient client, string reference)
    {
        var found = await client.GetAsync($"/tuyen-binh/danh-gia/phat-hien?so={reference}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, found.StatusCode);
        return await Html.GetDocumentAsync(client, found.Headers.Location!.ToString());
    }
}
