using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Tests.Features.Provinces.Compliance;

/// <summary>/tinh/{province}: the compliance table of Hà Tĩnh (42) read by its auditor, sorted, filtered, on a past day, downloaded.</summary>
public sealed class CompliancePageTests(CompliancePageTests.Portal portal) : IClassFixture<CompliancePageTests.Portal>
{
    /// <summary>The portal of the class with its communes, set up once for all its tests (xunit makes a test class per test).</summary>
    public sealed class Portal : PortalFactory
    {
        private readonly Lazy<Task<Setup>> _setup;

        public Portal() => _setup = new(() => SetUpAsync(this));

        internal Task<Setup> Ready => _setup.Value;
    }

    internal sealed record Setup(AuditOffice Busy, TenantInfo Quiet, HttpClient Auditor, DateOnly AuditSigned);

    /// <summary>A commune with an overdue corrective action, a signed internal audit and half-complete postings, and a commune with nothing.</summary>
    private static async Task<Setup> SetUpAsync(PortalFactory portal)
    {
        var busy = await portal.OfficeAsync("42");
        await portal.OverdueActionAsync(busy);
        var signed = portal.Today().AddDays(-30);
        await portal.MilestoneAsync(busy.Commune, IsoMilestoneKind.InternalAudit, signed, "danh-gia/cuoc-danh-gia/5");
        await portal.HalfCompletePostingsAsync(busy.Commune);
        var quiet = await portal.CreateCommuneAsync(provinceCode: "42");
        return new Setup(busy, quiet, await portal.SignedInAsync(busy.ProvinceAuditor), signed);
    }

    private static IElement Row(IDocument page, TenantInfo commune) =>
        page.QuerySelector($"#bang tbody tr[data-tenant='{commune.Id}']") ?? throw new InvalidOperationException($"No row for {commune.Slug}");

    private static IElement Cell(IElement row, string column) => row.QuerySelector($"td[data-col='{column}']")!;

    private static List<string> Slugs(IDocument page) => page.QuerySelectorAll("#bang tbody tr").Select(r => r.GetAttribute("data-slug")!).ToList();

    [Fact]
    public async Task The_auditor_reads_each_communes_figures_from_its_records_with_a_link_to_them()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/42");

        Assert.Equal("Tỉnh Hà Tĩnh", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#trang-cua-tinh a[href='/tinh/42/xep-hang']"));
        Assert.NotNull(page.QuerySelector("#trang-cua-tinh a[href='/quan-tri/danh-muc-tthc?province=42']"));
        var busy = Row(page, s.Busy.Commune);
        var overdue = Cell(busy, "khac-phuc-qua-han").QuerySelector("a")!;
        Assert.Equal("1", overdue.TextContent.Trim());
        Assert.Equal($"/{s.Busy.Slug}/danh-gia/khac-phuc?loc=qua-han", overdue.GetAttribute("href"));
        Assert.Equal("1", Cell(busy, "khac-phuc-mo").TextContent.Trim());
        var audit = Cell(busy, "danh-gia-noi-bo").QuerySelector("a")!;
        Assert.Equal(VietnameseFormat.Date(s.AuditSigned), audit.TextContent.Trim());
        Assert.Equal($"/{s.Busy.Slug}/danh-gia/cuoc-danh-gia/5", audit.GetAttribute("href"));
        Assert.Equal("50%", Cell(busy, "niem-yet").TextContent.Trim());
        Assert.Equal("false", Cell(busy, "buoc-1").GetAttribute("data-done"));
        Assert.Equal($"/{s.Busy.Slug}/tai-lieu/he-thong-iso", Cell(busy, "buoc-1").QuerySelector("a")!.GetAttribute("href"));
        var quiet = Row(page, s.Quiet);
        Assert.Equal("0", Cell(quiet, "khac-phuc-qua-han").TextContent.Trim());
        Assert.Equal("chưa niêm yết", Cell(quiet, "niem-yet").TextContent.Trim());
        Assert.Equal("chưa có", Cell(quiet, "danh-gia-noi-bo").TextContent.Trim());
        // Every cell of a row leads to the commune's records.
        Assert.All(busy.QuerySelectorAll("td"), td => Assert.StartsWith($"/{s.Busy.Slug}", td.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_evidence_pages_open_for_the_auditor()
    {
        var s = await portal.Ready;
        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/42");

        foreach (var href in Row(page, s.Busy.Commune).QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Distinct()
            .Where(h => !h.Contains("cuoc-danh-gia/5", StringComparison.Ordinal)))
        {
            var response = await s.Auditor.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Sorting_by_a_column_puts_the_overdue_commune_first_and_marks_the_header()
    {
        var s = await portal.Ready;

        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/42?sap-xep=khac-phuc-qua-han&chieu=giam");
        var slugs = Slugs(page);
        var ascending = Slugs(await Html.GetDocumentAsync(s.Auditor, "/tinh/42?sap-xep=khac-phuc-qua-han&chieu=tang"));

        Assert.True(slugs.IndexOf(s.Busy.Slug) < slugs.IndexOf(s.Quiet.Slug));
        Assert.True(ascending.IndexOf(s.Busy.Slug) > ascending.IndexOf(s.Quiet.Slug));
        Assert.Equal("descending", page.QuerySelector("th[data-col='khac-phuc-qua-han']")!.GetAttribute("aria-sort"));
        Assert.Null(page.QuerySelector("th[data-col='xa']")!.GetAttribute("aria-sort"));
        Assert.Equal("/tinh/42?sap-xep=khac-phuc-qua-han&chieu=tang", page.QuerySelector("th[data-col='khac-phuc-qua-han'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Filters_keep_only_the_matching_communes_and_stay_in_the_form()
    {
        var s = await portal.Ready;

        var overdue = Slugs(await Html.GetDocumentAsync(s.Auditor, "/tinh/42?khac-phuc-qua-han=lon-hon-0"));
        var none = Slugs(await Html.GetDocumentAsync(s.Auditor, "/tinh/42?khac-phuc-qua-han=0&danh-gia-noi-bo=chua-co"));
        var below = await Html.GetDocumentAsync(s.Auditor, "/tinh/42?niem-yet-duoi=60");
        var byName = await Html.GetDocumentAsync(s.Auditor, "/tinh/42?ten=" + Uri.EscapeDataString(VietnameseText.Fold(s.Busy.Commune.Name).ToUpperInvariant()));

        Assert.Contains(s.Busy.Slug, overdue);
        Assert.DoesNotContain(s.Quiet.Slug, overdue);
        Assert.Contains(s.Quiet.Slug, none);
        Assert.DoesNotContain(s.Busy.Slug, none);
        Assert.Contains(s.Busy.Slug, Slugs(below));
        Assert.DoesNotContain(s.Quiet.Slug, Slugs(below));
        Assert.Equal("60", below.QuerySelector("#loc-niem-yet")!.GetAttribute("value"));
        Assert.Contains(s.Busy.Slug, Slugs(byName));
        Assert.All(byName.QuerySelectorAll("#bang tbody th"), th => Assert.True(VietnameseText.LooseMatches(th.TextContent, s.Busy.Commune.Name)));
        Assert.Equal("selected", (await Html.GetDocumentAsync(s.Auditor, "/tinh/42?buoc-2=chua")).QuerySelector("#loc-buoc-2 option[value='chua']")!.GetAttribute("selected"));
    }

    [Fact]
    public async Task A_past_day_shows_the_figures_as_they_stood_then_and_a_bad_day_is_explained()
    {
        var s = await portal.Ready;
        var before = VietnameseFormat.Date(s.AuditSigned.AddDays(-1));

        var past = await Html.GetDocumentAsync(s.Auditor, "/tinh/42?ngay=" + before);
        var bad = await s.Auditor.GetAsync("/tinh/42?ngay=31/02/2026");

        var row = Row(past, s.Busy.Commune);
        Assert.Equal("0", Cell(row, "khac-phuc-qua-han").TextContent.Trim());
        Assert.Equal("chưa có", Cell(row, "danh-gia-noi-bo").TextContent.Trim());
        Assert.Contains(before, past.QuerySelector("#bang-tuan-thu")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Contains("Ngày xem số liệu \"31/02/2026\" không đúng dạng", badPage.QuerySelector("#loi-loc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Cell(Row(badPage, s.Busy.Commune), "khac-phuc-qua-han").TextContent.Trim());
    }

    [Fact]
    public async Task The_csv_and_xlsx_hold_the_filtered_rows_of_the_page()
    {
        var s = await portal.Ready;
        var page = await Html.GetDocumentAsync(s.Auditor, "/tinh/42?khac-phuc-qua-han=lon-hon-0");
        var csvLink = page.QuerySelector("#tai-csv")!.GetAttribute("href")!;
        var xlsxLink = page.QuerySelector("#tai-xlsx")!.GetAttribute("href")!;

        var csv = await s.Auditor.GetAsync(csvLink);
        var xlsx = await s.Auditor.GetAsync(xlsxLink);

        Assert.Equal("/tinh/42/tuan-thu.csv?khac-phuc-qua-han=lon-hon-0", csvLink);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"tuan-thu-iso-42-{portal.Today():yyyy-MM-dd}.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Xã, phường\",Mã,Bước 1: Xây dựng", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(s.Busy.Commune.Name + ",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(s.Quiet.Name + ",", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var names = sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().FirstOrDefault()?.InnerText).ToList();
        Assert.Contains(s.Busy.Commune.Name, names);
        Assert.DoesNotContain(s.Quiet.Name, names);
    }

    [Fact]
    public async Task Another_provinces_auditor_and_a_commune_member_are_refused_a_visitor_signs_in_and_an_unknown_province_is_not_found()
    {
        var s = await portal.Ready;
        var otherAuditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));
        var member = await portal.SignedInAsync(s.Busy.Secretary);

        foreach (var client in new[] { otherAuditor, member })
        {
            foreach (var url in new[] { "/tinh/42", "/tinh/42/tuan-thu.csv", "/tinh/42/tuan-thu.xlsx" })
            {
                var refused = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal("/tai-khoan/khong-co-quyen", refused.Headers.Location!.AbsolutePath);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(refused.Headers.Location)).StatusCode);
            }
        }

        var visitor = await portal.Anonymous().GetAsync("/tinh/42");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", visitor.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/99/tuan-thu.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Auditor.GetAsync("/tinh/42/tuan-thu.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_leads_an_auditor_to_their_province_and_lists_every_province_for_an_admin()
    {
        var s = await portal.Ready;
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

        var own = await Html.GetDocumentAsync(s.Auditor, "/tinh");
        var all = await Html.GetDocumentAsync(admin, "/tinh");
        var search = await Html.GetDocumentAsync(s.Auditor, "/tinh/tim-kiem");

        Assert.Equal("/tinh/42", own.QuerySelector("#vao-tinh")!.GetAttribute("href"));
        Assert.Empty(own.QuerySelectorAll("main a[href='/tinh/44']"));
        Assert.Equal(34, all.QuerySelectorAll("#cac-tinh tbody tr").Length);
        var haTinh = all.QuerySelector("#cac-tinh tr[data-code='42']")!;
        Assert.Equal("/tinh/42", haTinh.QuerySelector("a")!.GetAttribute("href"));
        Assert.True(int.Parse(haTinh.QuerySelectorAll("td")[1].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("Tìm kiếm trong tỉnh", search.QuerySelector("h1")!.TextContent.Trim());
        var member = await portal.SignedInAsync(s.Busy.Secretary);
        var refused = await member.GetAsync("/tinh");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
