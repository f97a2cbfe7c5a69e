using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Provinces.Compliance;
using QmsPortal.Tests.Features.Provinces.Inspections;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Exports;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Provinces.Reports;

/// <summary>The yearly report to the Ministry (Phụ lục II, QĐ 19/2014): rows and totals from the communes' own records, as A4 and XLSX.</summary>
public sealed class YearlyReportTests(YearlyReportTests.Fixture fixture) : IClassFixture<YearlyReportTests.Fixture>
{
    /// <summary>One portal and one seeded province for the class: the records are read, never changed, by its tests.</summary>
    public sealed class Fixture : PortalFactory
    {
        public Fixture() => Seeded = new Lazy<Task<Seeded>>(() => SeedAsync(this));

        internal Lazy<Task<Seeded>> Seeded { get; }
    }

    private readonly PortalFactory portal = fixture;

    private static readonly string[] TotalKeys = ["communes", "applying", "announced", "inspected", "on-site"];

    internal sealed record Seeded(ProvinceDesk Desk, AuditOffice Announced, TenantInfo OnPaper, TenantInfo Idle);

    /// <summary>
    /// Province 25: one commune that built, applied and announced its system in 2026 and was inspected on site (and once in 2025),
    /// one inspected on paper without a report yet, one with nothing.
    /// </summary>
    private static async Task<Seeded> SeedAsync(PortalFactory portal)
    {
        var office = await portal.OfficeAsync("25");
        var commune = office.Commune;
        foreach (var (code, kind) in new[] { ("CS-01", DocumentKind.QualityPolicy), ("MT-01", DocumentKind.QualityObjectives), ("QT-01", DocumentKind.TthcProcedure) })
        {
            await DocumentSeed.CreateAsync(portal, commune, code, RevisionStatus.Issued, office.Secretary, office.Approver, kind: kind, effective: new DateOnly(2026, 1, 5));
        }

        await portal.MilestoneAsync(commune, IsoMilestoneKind.InternalAudit, new DateOnly(2026, 3, 1), "danh-gia/cuoc-danh-gia/1");
        await portal.MilestoneAsync(commune, IsoMilestoneKind.ManagementReview, new DateOnly(2026, 3, 5), "danh-gia/xem-xet-lanh-dao/1");
        await portal.MilestoneAsync(commune, IsoMilestoneKind.EffectivenessConfirmation, new DateOnly(2026, 3, 6), "danh-gia/xem-xet-lanh-dao/1");
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new ConformityAnnouncement
            {
                DecisionNumber = "15/QĐ-UBND", DecisionDate = new DateOnly(2026, 4, 1), SignerName = "Phạm Chủ Tịch", SignerTitle = "Chủ tịch UBND",
                Scope = "1.001193 1.000894", PostedOn = new DateOnly(2026, 4, 2), PostingPlace = "Bộ phận Một cửa",
            });
            await db.SaveChangesAsync();
        }, commune);
        await InspectAsync(portal, office, commune, new DateOnly(2026, 6, 10), onSite: true, "Hệ thống phù hợp; hai điểm cần khắc phục.", reportedOn: new DateOnly(2026, 7, 20));
        await InspectAsync(portal, office, commune, new DateOnly(2025, 10, 1), onSite: false, "Kiểm tra năm trước.", reportedOn: null);

        var onPaper = await portal.CreateCommuneAsync(provinceCode: "25");
        await InspectAsync(portal, office, onPaper, new DateOnly(2026, 9, 1), onSite: false, "Hồ sơ đầy đủ.", reportedOn: null);
        var idle = await portal.CreateCommuneAsync(provinceCode: "25");
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "25");
        return new Seeded(new ProvinceDesk("25", [commune, onPaper, idle], auditor), office, onPaper, idle);
    }

    private static Task InspectAsync(PortalFactory portal, AuditOffice office, TenantInfo commune, DateOnly on, bool onSite, string summary, DateOnly? reportedOn) =>
        portal.InScopeAsync(async sp =>
        {
            var inspection = ProvinceInspection.Record(on, on.AddDays(2), "Sở Khoa học và Công nghệ", "Đoàn kiểm tra của Sở", onSite, summary, await portal.PersonAsync(office.ProvinceAuditor));
            if (reportedOn is { } sent)
            {
                inspection.SubmitReport(sent, "Báo cáo số 7/BC-UBND");
            }

            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(inspection);
            await db.SaveChangesAsync();
        }, commune);

    [Fact]
    public async Task The_print_view_counts_and_lists_each_communes_iso_status_and_inspections_of_the_year()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await portal.SignedInAsync(s.Desk.Auditor);
        var steps = (await portal.LoadCommuneAsync(s.Announced.Commune))!.StepsDone;

        var page = await Html.GetDocumentAsync(auditor, s.Desk.Report + "?nam=2026");

        string Total(string key) => page.QuerySelector($"#tong-hop td[data-total='{key}']")!.TextContent.Trim();
        Assert.True(steps >= 3, $"the seeded commune reached {steps} steps");
        Assert.Equal(["3", "1", "1", "2", "1"], TotalKeys.Select(Total));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page.QuerySelector("#quoc-hieu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("năm 2026", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("đến ngày 25/11/2026", page.QuerySelector("#ngay-so-lieu")!.TextContent, StringComparison.Ordinal);

        var announced = page.QuerySelector($"#tung-xa tr[data-tenant='{s.Announced.Commune.Id}']")!;
        Assert.Equal(steps.ToString(System.Globalization.CultureInfo.InvariantCulture), announced.GetAttribute("data-steps"));
        Assert.Contains("Công bố: 02/04/2026", announced.QuerySelector(".buoc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Số 15/QĐ-UBND ngày 01/04/2026; phạm vi 2 thủ tục hành chính", announced.QuerySelector(".cong-bo")!.TextContent.Trim());
        var inspection = Assert.Single(announced.QuerySelectorAll(".kiem-tra li"));
        Assert.Contains("Ngày 10/06/2026, tại xã: Hệ thống phù hợp; hai điểm cần khắc phục.", inspection.TextContent, StringComparison.Ordinal);
        Assert.Contains("đã nhận ngày 20/07/2026 (Báo cáo số 7/BC-UBND)", inspection.TextContent, StringComparison.Ordinal);

        var onPaper = page.QuerySelector($"#tung-xa tr[data-tenant='{s.OnPaper.Id}']")!;
        Assert.Equal("0", onPaper.GetAttribute("data-steps"));
        Assert.Equal("Chưa công bố", onPaper.QuerySelector(".cong-bo")!.TextContent.Trim());
        Assert.Contains("qua hồ sơ: Hồ sơ đầy đủ. — báo cáo khắc phục hạn 03/11/2026, chưa nhận", onPaper.QuerySelector(".kiem-tra")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Chưa kiểm tra", page.QuerySelector($"#tung-xa tr[data-tenant='{s.Idle.Id}'] .kiem-tra")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_past_year_is_read_as_it_stood_on_its_last_day()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await portal.SignedInAsync(s.Desk.Auditor);

        var page = await Html.GetDocumentAsync(auditor, s.Desk.Report + "?nam=2025");

        Assert.Contains("đến ngày 31/12/2025", page.QuerySelector("#ngay-so-lieu")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"#tung-xa tr[data-tenant='{s.Announced.Commune.Id}']")!;
        Assert.Equal(("0", "1"), (row.GetAttribute("data-steps"), row.GetAttribute("data-inspections")));
        Assert.Equal("Chưa công bố", row.QuerySelector(".cong-bo")!.TextContent.Trim());
        Assert.Equal(["3", "0", "0", "1", "0"], TotalKeys
            .Select(k => page.QuerySelector($"#tong-hop td[data-total='{k}']")!.TextContent.Trim()));
    }

    [Fact]
    public async Task The_xlsx_opens_with_a_row_per_commune_and_a_sheet_of_the_years_inspections()
    {
        var s = await fixture.Seeded.Value;
        var auditor = await portal.SignedInAsync(s.Desk.Auditor);
        var page = await Html.GetDocumentAsync(auditor, s.Desk.Report + "?nam=2026");

        var response = await auditor.GetAsync(page.QuerySelector("#tai-xlsx")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-iso-25-2026.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(2, sheets.Count);
        List<List<string>> Rows(Sheet sheet) => ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var communes = Rows(sheets[0]);
        var announced = communes.Single(r => r.Contains(s.Announced.Commune.Name));
        var header = communes.First(r => r.Contains("Số bước đã đạt"));
        Assert.Equal("15/QĐ-UBND", announced[header.IndexOf("Số quyết định công bố")]);
        Assert.Equal("2", announced[header.IndexOf("Số TTHC trong phạm vi")]);
        Assert.Equal(("1", "1"), (announced[header.IndexOf("Số lần kiểm tra")], announced[header.IndexOf("Kiểm tra tại xã")]));
        Assert.Equal(3, communes.Count(r => s.Desk.Communes.Any(c => r.Contains(c.Name))));
        Assert.Contains(communes, r => r.Any(c => c.Contains("đã công bố: 1; đã kiểm tra: 2; kiểm tra tại xã: 1", StringComparison.Ordinal)));
        var inspections = Rows(sheets[1]);
        Assert.Equal(2, inspections.Count(r => r.Contains("Sở Khoa học và Công nghệ") || s.Desk.Communes.Any(c => r.Contains(c.Name))));
    }

    [Theory]
    [InlineData("2014")]
    [InlineData("2028")]
    [InlineData("x")]
    public async Task A_year_outside_2015_to_next_year_gets_a_Vietnamese_message_on_the_page_and_on_the_download(string year)
    {
        var s = await fixture.Seeded.Value;
        var auditor = await portal.SignedInAsync(s.Desk.Auditor);

        var page = await Html.GetDocumentAsync(auditor, s.Desk.Report + "?nam=" + year);
        var download = await auditor.GetAsync(s.Desk.Report + "?handler=Xlsx&nam=" + year);

        Assert.Equal("Năm phải là số từ 2015 đến 2027.", page.QuerySelector("#loi-nam")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#tung-xa"));
        Assert.StartsWith("text/html", download.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }
}
