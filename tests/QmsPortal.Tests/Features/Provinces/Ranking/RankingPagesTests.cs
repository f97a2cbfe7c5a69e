using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Provinces.Compliance;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Provinces.Ranking;

/// <summary>
/// The ranking pages of Quảng Trị (44) on records built for the purpose: the ranked list, a commune's breakdown with its
/// evidence, a past day scored with the scheme of that day, the files, and the commune's own page.
/// </summary>
public sealed class RankingPagesTests(RankingPagesTests.Portal portal) : IClassFixture<RankingPagesTests.Portal>
{
    /// <summary>The portal of the class with its communes and schemes, set up once for all its tests.</summary>
    public sealed class Portal : PortalFactory
    {
        private readonly Lazy<Task<Setup>> _setup;

        public Portal() => _setup = new(() => SetUpAsync(this));

        internal Task<Setup> Ready => _setup.Value;
    }

    /// <param name="SchemeDay">The day version 1 was applied; version 2 was applied two days later (today).</param>
    internal sealed record Setup(AuditOffice Best, AuditOffice Middle, AuditOffice Worst, TenantInfo Quiet, DateOnly SchemeDay, HttpClient Auditor);

    /// <summary>
    /// Version 1: internal audit within 12 months 50, management review 30, no overdue corrective action 20.
    /// Best has both records and no overdue action (100); Middle only the audit (70); Quiet nothing at all (20);
    /// Worst an overdue action only (0). Version 2, two days later, weighs them 20, 20, 60: Middle 80, Quiet 60.
    /// </summary>
    private static async Task<Setup> SetUpAsync(PortalFactory portal)
    {
        var today = portal.Today();
        var best = await portal.OfficeAsync("44");
        await portal.MilestoneAsync(best.Commune, IsoMilestoneKind.InternalAudit, today.AddMonths(-3), "danh-gia/cuoc-danh-gia/11");
        await portal.MilestoneAsync(best.Commune, IsoMilestoneKind.ManagementReview, today.AddMonths(-2), "danh-gia/xem-xet-lanh-dao/3");
        var middle = await portal.OfficeAsync("44");
        await portal.MilestoneAsync(middle.Commune, IsoMilestoneKind.InternalAudit, today.AddMonths(-5), "danh-gia/cuoc-danh-gia/12");
        var worst = await portal.OfficeAsync("44");
        await portal.OverdueActionAsync(worst);
        var quiet = await portal.CreateCommuneAsync(provinceCode: "44");

        await portal.ApplySchemeAsync(Scheme(1, 50, 30, 20));
        portal.Clock.Advance(TimeSpan.FromDays(2));
        await portal.ApplySchemeAsync(Scheme(2, 20, 20, 60));
        return new Setup(best, middle, worst, quiet, today, await portal.SignedInAsync(best.ProvinceAuditor));
    }

    private static System.Text.Json.Nodes.JsonObject Scheme(int version, int audit, int review, int overdue)
    {
        var criteria = Rows.Criteria(("internal-audit", audit), ("management-review", review), ("corrective-actions-overdue", overdue));
        criteria[2]!["thresholds"] = new System.Text.Json.Nodes.JsonObject { ["fullAtMost"] = 0, ["zeroFrom"] = 1 };
        return Rows.Step("44", 2026, version, criteria, $"Bộ tiêu chí Quảng Trị thử, bản {version}");
    }

    private static List<(string? Slug, string? Rank, string? Total)> Ranking(IDocument page) =>
        page.QuerySelectorAll("#xep-hang tbody tr")
            .Select(r => (r.GetAttribute("data-slug"), r.GetAttribute("data-rank"), r.QuerySelector("td[data-total]")!.GetAttribute("data-total"))).ToList();

    private static string Date(DateOnly day) => QmsPortal.Web.Text.VietnameseFormat.Date(day);

    [Fact]
    public async Task The_province_sees_its_communes_ranked_by_total_with_each_criterions_points()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/44/xep-hang");

        Assert.Equal(
            [(s.Best.Slug, "1", "100.0"), (s.Middle.Slug, "2", "80.0"), (s.Quiet.Slug, "3", "60.0"), (s.Worst.Slug, "4", "0.0")],
            Ranking(page));
        Assert.Contains("phiên bản 2", page.QuerySelector("#bo-tieu-chi")!.TextContent);
        Assert.Contains($"tính đến hết ngày {Date(portal.Today())}", page.QuerySelector("#bo-tieu-chi")!.TextContent);
        Assert.Equal(["internal-audit", "management-review", "corrective-actions-overdue"],
            page.QuerySelectorAll("#xep-hang thead th[data-criterion]").Select(th => th.GetAttribute("data-criterion")));
        var middle = page.QuerySelector($"#xep-hang tr[data-slug='{s.Middle.Slug}']")!;
        Assert.Equal(["20,0", "0,0", "60,0"], middle.QuerySelectorAll("td[data-criterion]").Select(td => td.TextContent.Trim()));
        Assert.Equal($"/tinh/44/xep-hang/{s.Middle.Slug}", middle.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal($"/{s.Middle.Slug}/danh-gia/cuoc-danh-gia/12", middle.QuerySelector("td[data-criterion='internal-audit'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_past_day_is_scored_with_the_scheme_version_in_force_that_day()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/44/xep-hang?ngay=" + Date(s.SchemeDay.AddDays(1)));

        Assert.Equal(
            [(s.Best.Slug, "1", "100.0"), (s.Middle.Slug, "2", "70.0"), (s.Quiet.Slug, "3", "20.0"), (s.Worst.Slug, "4", "0.0")],
            Ranking(page));
        var note = page.QuerySelector("#bo-tieu-chi")!.TextContent;
        Assert.Contains("bản 1", note);
        Assert.Contains("phiên bản 1 (áp dụng từ ngày " + Date(s.SchemeDay), note);
        Assert.Contains("tính đến hết ngày " + Date(s.SchemeDay.AddDays(1)), note);
        // The breakdown and the files of that day keep the day.
        Assert.Equal($"/tinh/44/xep-hang/{s.Best.Slug}?ngay={Uri.EscapeDataString(Date(s.SchemeDay.AddDays(1)))}",
            page.QuerySelector($"#xep-hang tr[data-slug='{s.Best.Slug}'] th a")!.GetAttribute("href"));
        Assert.EndsWith("?ngay=" + Uri.EscapeDataString(Date(s.SchemeDay.AddDays(1))), page.QuerySelector("#tai-csv")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_before_the_first_scheme_says_so_and_shows_no_scores()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/44/xep-hang?ngay=" + Date(s.SchemeDay.AddDays(-1)));

        var note = page.QuerySelector("#chua-co-bo-tieu-chi")!.TextContent;
        Assert.Contains("chưa có bộ tiêu chí chấm điểm năm 2026", note);
        Assert.Contains("được áp dụng từ ngày " + Date(s.SchemeDay), note);
        Assert.Null(page.QuerySelector("#xep-hang"));
        Assert.Null(page.QuerySelector("#tai-csv"));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/44/xep-hang.csv?ngay=" + Date(s.SchemeDay.AddDays(-1)))).StatusCode);
    }

    [Fact]
    public async Task A_province_without_a_scheme_says_so_plainly()
    {
        await portal.Ready;
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42"));

        var page = await Html.GetDocumentAsync(auditor, "/tinh/42/xep-hang");
        var own = await Html.GetDocumentAsync(auditor, $"/{commune.Slug}/xep-hang");

        Assert.Contains("Tỉnh Hà Tĩnh chưa có bộ tiêu chí chấm điểm năm 2026", page.QuerySelector("#chua-co-bo-tieu-chi")!.TextContent);
        Assert.Null(page.QuerySelector("#xep-hang"));
        Assert.NotNull(own.QuerySelector("#chua-co-bo-tieu-chi"));
        Assert.Null(own.QuerySelector("#tong-diem"));
    }

    [Fact]
    public async Task A_bad_day_shows_today_with_the_reason()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/44/xep-hang?ngay=31/02/2026");

        Assert.Contains("không đúng dạng ngày/tháng/năm", page.QuerySelector("#loi-ngay")!.TextContent);
        Assert.Contains("phiên bản 2", page.QuerySelector("#bo-tieu-chi")!.TextContent);
    }

    [Fact]
    public async Task The_breakdown_shows_each_criterions_points_value_rule_and_a_link_to_the_records()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, $"/tinh/44/xep-hang/{s.Middle.Slug}");

        Assert.Contains("Hạng 2 trong 4", page.QuerySelector("#hang")!.TextContent);
        Assert.Equal("80.0", page.QuerySelector("#tong-diem [data-total]")!.GetAttribute("data-total"));
        var audit = page.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='internal-audit']")!;
        Assert.Equal("20.0", audit.QuerySelector("td[data-points]")!.GetAttribute("data-points"));
        var evidence = audit.QuerySelector("a")!;
        Assert.Equal($"/{s.Middle.Slug}/danh-gia/cuoc-danh-gia/12", evidence.GetAttribute("href"));
        Assert.Equal(Date(s.SchemeDay.AddMonths(-5)), evidence.TextContent.Trim());
        var review = page.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='management-review']")!;
        Assert.Equal("Chưa có", review.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/{s.Middle.Slug}/danh-gia/xem-xet-lanh-dao", review.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("trong 12 tháng", review.TextContent);
        var advice = Assert.Single(page.QuerySelectorAll("#goi-y li"));
        Assert.Equal("management-review", advice.GetAttribute("data-criterion"));
        Assert.Contains("Tổ chức họp xem xét của lãnh đạo", advice.TextContent);

        var worst = await Html.GetDocumentAsync(s.Auditor, $"/tinh/44/xep-hang/{s.Worst.Slug}");
        var overdue = worst.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='corrective-actions-overdue'] a")!;
        Assert.Equal(("1", $"/{s.Worst.Slug}/danh-gia/khac-phuc?loc=qua-han"), (overdue.TextContent.Trim(), overdue.GetAttribute("href")));
    }

    [Fact]
    public async Task The_evidence_links_of_a_breakdown_open_for_the_province_auditor()
    {
        var s = await portal.Ready;
        var page = await Html.GetDocumentAsync(s.Auditor, $"/tinh/44/xep-hang/{s.Worst.Slug}");

        var links = page.QuerySelectorAll("#diem-tung-tieu-chi a").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        Assert.Equal(3, links.Count);
        foreach (var href in links)
        {
            var response = await s.Auditor.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_csv_has_a_bom_and_the_ranked_rows_and_the_xlsx_opens_with_the_same_rows()
    {
        var s = await portal.Ready;
        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/44/xep-hang");

        var csv = await s.Auditor.GetAsync(page.QuerySelector("#tai-csv")!.GetAttribute("href"));
        var xlsx = await s.Auditor.GetAsync(page.QuerySelector("#tai-xlsx")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"xep-hang-44-{portal.Today():yyyy-MM-dd}.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Hạng,\"Xã, phường\",Mã xã,Tổng điểm (tối đa 100),Đánh giá nội bộ hằng năm (tối đa 20)", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [$"1,{s.Best.Commune.Name},{s.Best.Commune.Code},100", $"2,{s.Middle.Commune.Name},{s.Middle.Commune.Code},80", $"3,{s.Quiet.Name},{s.Quiet.Code},60", $"4,{s.Worst.Commune.Name},{s.Worst.Commune.Code},0"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal($"xep-hang-44-{portal.Today():yyyy-MM-dd}.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        // Numbers as a spreadsheet reads them (20 and 20.0 are one value).
        static string Read(Cell c) => c.DataType?.Value == CellValues.Number
            ? decimal.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)
            : c.InnerText;
        var texts = sheet.Worksheet.Descendants<Row>().Select(r => string.Join("|", r.Elements<Cell>().Select(Read))).ToList();
        Assert.Contains(texts, t => t.Contains("Bộ tiêu chí Quảng Trị thử, bản 2, phiên bản 2", StringComparison.Ordinal));
        var ranked = texts.Where(t => t.Contains(s.Best.Commune.Code, StringComparison.Ordinal) || t.Contains(s.Worst.Commune.Code, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"1|{s.Best.Commune.Name}|{s.Best.Commune.Code}|100|20|20|60", $"4|{s.Worst.Commune.Name}|{s.Worst.Commune.Code}|0|0|0|0"], ranked);
    }

    [Fact]
    public async Task A_member_reads_the_communes_own_score_breakdown_and_how_to_improve()
    {
        var s = await portal.Ready;
        var member = await portal.SignedInAsync(s.Middle.Staff);

        var page = await Html.GetDocumentAsync(member, $"/{s.Middle.Slug}/xep-hang");

        Assert.Equal("80.0", page.QuerySelector("#tong-diem [data-total]")!.GetAttribute("data-total"));
        Assert.Contains("phiên bản 2", page.QuerySelector("#bo-tieu-chi")!.TextContent);
        Assert.Equal($"/{s.Middle.Slug}/danh-gia/cuoc-danh-gia/12",
            page.QuerySelector("#diem-tung-tieu-chi tr[data-criterion='internal-audit'] a")!.GetAttribute("href"));
        Assert.Equal("Cách cải thiện", page.QuerySelector("#cach-cai-thien")!.TextContent);
        Assert.Equal(["management-review"], page.QuerySelectorAll("#goi-y li").Select(li => li.GetAttribute("data-criterion")));
        Assert.Null(page.QuerySelector("#hang"));
        Assert.Contains(page.QuerySelectorAll("nav.staff-nav a"), a => a.TextContent.Trim() == "Xếp hạng của xã" && a.GetAttribute("href") == $"/{s.Middle.Slug}/xep-hang");

        var past = await Html.GetDocumentAsync(member, $"/{s.Middle.Slug}/xep-hang?ngay={Date(s.SchemeDay)}");
        Assert.Equal("70.0", past.QuerySelector("#tong-diem [data-total]")!.GetAttribute("data-total"));
        Assert.Contains("phiên bản 1", past.QuerySelector("#bo-tieu-chi")!.TextContent);
    }

    [Fact]
    public async Task A_spotless_commune_is_told_it_has_full_points()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(s.Best.Secretary), $"/{s.Best.Slug}/xep-hang");

        Assert.Equal("100.0", page.QuerySelector("#tong-diem [data-total]")!.GetAttribute("data-total"));
        Assert.NotNull(page.QuerySelector("#goi-y-du-diem"));
    }

    [Fact]
    public async Task The_province_auditor_reads_a_communes_own_page_and_another_provinces_auditor_is_refused()
    {
        var s = await portal.Ready;
        var haTinh = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42"));

        Assert.Equal(HttpStatusCode.OK, (await s.Auditor.GetAsync($"/{s.Worst.Slug}/xep-hang")).StatusCode);
        await RankingKit.RefusedAsync(haTinh, $"/{s.Worst.Slug}/xep-hang");
    }

    [Fact]
    public async Task Another_provinces_pages_are_refused_unknown_ones_not_found_and_a_visitor_is_sent_to_sign_in()
    {
        var s = await portal.Ready;
        var haTinhCommune = await portal.CreateCommuneAsync(provinceCode: "42");
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

        var member = await portal.SignedInAsync(s.Best.Secretary);

        foreach (var url in new[] { "/tinh/42/xep-hang", $"/tinh/42/xep-hang/{haTinhCommune.Slug}", "/tinh/42/xep-hang.csv", "/tinh/42/xep-hang.xlsx", "/tinh/44/xep-hang" })
        {
            if (url.StartsWith("/tinh/42", StringComparison.Ordinal))
            {
                await RankingKit.RefusedAsync(s.Auditor, url);
            }

            await RankingKit.RefusedAsync(member, url);
            var visitor = await portal.Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.StartsWith("/tai-khoan/dang-nhap", visitor.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/99/xep-hang")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync($"/tinh/44/xep-hang/{haTinhCommune.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/44/xep-hang/khong-co-xa-nay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/44/xep-hang.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/tinh/44/xep-hang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/tinh/44/xep-hang/{s.Best.Slug}")).StatusCode);
    }
}
