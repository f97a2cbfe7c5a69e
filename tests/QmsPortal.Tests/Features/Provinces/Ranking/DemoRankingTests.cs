using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>The demo's Quảng Trị scheme scores Xã Tuyên Bình from its year of records, seen by the province and by the commune.</summary>
public sealed class DemoRankingTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Password = "Demo@2025qms";

    [Fact]
    public async Task The_province_auditor_sees_tuyen_binh_ranked_with_real_points_under_the_demo_scheme()
    {
        var auditor = await portal.SignedInAsync("kiemtra.quangtri@qms.demo", Password);

        var page = await Html.GetDocumentAsync(auditor, "/tinh/44/xep-hang");

        Assert.Contains("Quảng Trị năm 2026 (dữ liệu mẫu), phiên bản 1", page.QuerySelector("#bo-tieu-chi")!.TextContent);
        var row = Assert.Single(page.QuerySelectorAll("#xep-hang tbody tr"));
        Assert.Equal(("tuyen-binh", "1"), (row.GetAttribute("data-slug"), row.GetAttribute("data-rank")));
        var total = decimal.Parse(row.QuerySelector("td[data-total]")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);
        // The demo year has signed audits and a closed review (points) and an overdue corrective action (points lost).
        Assert.InRange(total, 1m, 99.9m);
        Assert.Equal(11, row.QuerySelectorAll("td[data-criterion]").Length);
        Assert.All(row.QuerySelectorAll("td[data-criterion] a"), a => Assert.StartsWith("/tuyen-binh/", a.GetAttribute("href"), StringComparison.Ordinal));

        var breakdown = await Html.GetDocumentAsync(auditor, "/tinh/44/xep-hang/tuyen-binh");
        Assert.Equal(row.QuerySelector("td[data-total]")!.GetAttribute("data-total"), breakdown.QuerySelector("#tong-diem [data-total]")!.GetAttribute("data-total"));
        Assert.Equal("10.0", breakdown.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='internal-audit'] td[data-points]")!.GetAttribute("data-points"));
        Assert.NotEqual("10.0", breakdown.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='corrective-actions-overdue'] td[data-points]")!.GetAttribute("data-points"));
    }

    [Fact]
    public async Task The_secretary_sees_the_communes_score_and_what_to_improve()
    {
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", Password);

        var page = await Html.GetDocumentAsync(secretary, "/tuyen-binh/xep-hang");

        Assert.NotNull(page.QuerySelector("#tong-diem [data-total]"));
        Assert.Contains(page.QuerySelectorAll("#goi-y li"), li => li.GetAttribute("data-criterion") == "corrective-actions-overdue");
        Assert.Null(page.QuerySelector("#chua-co-bo-tieu-chi"));
    }

    [Fact]
    public async Task Ha_tinh_has_its_own_demo_scheme_for_ky_anh()
    {
        var admin = await portal.SignedInAsync("quantri@qms.demo", Password);

        var page = await Html.GetDocumentAsync(admin, "/tinh/42/xep-hang");

        Assert.Contains("Hà Tĩnh năm 2026 (dữ liệu mẫu), phiên bản 1", page.QuerySelector("#bo-tieu-chi")!.TextContent);
        Assert.Equal(["ky-anh"], page.QuerySelectorAll("#xep-hang tbody tr").Select(r => r.GetAttribute("data-slug")));
    }
}
