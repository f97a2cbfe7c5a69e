using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Features.Audits.Inspections;

/// <summary>Province inspections: recorded by the province's auditor with their findings; the commune's report is due two months after the minutes.</summary>
public sealed class InspectionPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Fields(string inspectedOn = "2026-11-10", string minutes = "2026-11-12") => new()
    {
        ["Input.InspectedOn"] = inspectedOn,
        ["Input.MinutesDate"] = minutes,
        ["Input.Inspectors"] = "Ông Nguyễn Văn A, Trưởng phòng Tiêu chuẩn Đo lường Chất lượng; bà Trần Thị B",
        ["Input.OnSite"] = "false",
        ["Input.Summary"] = "Hệ thống cơ bản phù hợp; hai điểm cần khắc phục.",
    };

    [Fact]
    public async Task A_province_auditor_reaches_the_page_from_their_account_and_records_an_inspection_with_the_report_due_two_months_later()
    {
        var office = await portal.OfficeAsync();
        var auditor = await portal.SignedInAsync(office.ProvinceAuditor);

        var account = await Html.GetDocumentAsync(auditor, "/tai-khoan");
        var link = account.QuerySelectorAll("a").First(a => a.GetAttribute("href") == office.Inspections);
        var list = await Html.GetDocumentAsync(auditor, link.GetAttribute("href")!);
        var form = await Html.GetDocumentAsync(auditor, office.Inspections + "/moi");
        var response = await Html.PostFormAsync(auditor, office.Inspections + "/moi", Fields());

        Assert.NotNull(list.QuerySelector($"a[href='{office.Inspections}/moi']"));
        Assert.Equal("Sở Khoa học và Công nghệ", form.QuerySelector("#Input_Unit")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inspection = await portal.ReadAsync(office.Commune, db => db.Set<ProvinceInspection>().SingleAsync());
        Assert.Equal((new DateOnly(2027, 1, 12), false, "Hoàng Kiểm Tra", "Sở Khoa học và Công nghệ"),
            (inspection.ReportDueDate, inspection.OnSite, inspection.RecordedByName, inspection.Unit));
        var page = await Html.GetDocumentAsync(auditor, response.Headers.Location!.ToString());
        Assert.Contains("Chưa gửi — hạn 12/01/2027", page.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn", page.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ghi-bao-cao"));
    }

    [Theory]
    [InlineData("2026-11-12", "2026-11-10", "Input.MinutesDate", "Ngày biên bản không được trước ngày kiểm tra.")]
    [InlineData("", "2026-11-10", "Input.InspectedOn", "Chọn ngày kiểm tra.")]
    public async Task Dates_in_the_wrong_order_or_missing_are_refused_and_nothing_is_written(string inspectedOn, string minutes, string field, string message)
    {
        var office = await portal.OfficeAsync();

        var response = await Html.PostFormAsync(await portal.SignedInAsync(office.ProvinceAuditor), office.Inspections + "/moi", Fields(inspectedOn, minutes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldError(await Html.ParseAsync(response), field));
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<ProvinceInspection>().CountAsync()));
    }

    [Fact]
    public async Task Commune_members_read_inspections_but_do_not_record_them()
    {
        var office = await portal.OfficeAsync();
        var secretary = await portal.SignedInAsync(office.Secretary);

        var list = await Html.GetDocumentAsync(secretary, office.Inspections);

        Assert.Null(list.QuerySelector($"a[href='{office.Inspections}/moi']"));
        Assert.True(IsDenied(await secretary.GetAsync(office.Inspections + "/moi")));
        Assert.True(IsDenied(await PostAsync(secretary, office.Inspections, office.Inspections + "/moi", Fields())));
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<ProvinceInspection>().CountAsync()));
    }

    [Fact]
    public async Task The_inspections_findings_are_raised_from_its_page_and_listed_there()
    {
        var office = await portal.OfficeAsync();
        var inspection = await portal.InspectionAsync(office, portal.Today().AddDays(-3));
        var auditor = await portal.SignedInAsync(office.ProvinceAuditor);

        var page = await Html.GetDocumentAsync(auditor, office.Inspection(inspection));
        var add = page.QuerySelector("#phat-hien-kiem-tra a.btn")!.GetAttribute("href")!;
        var raised = await Html.PostFormAsync(auditor, add, new()
        {
            ["Input.Grade"] = nameof(FindingGrade.MajorNonconformity), ["Input.Clause"] = "9.3", ["Input.SubjectKind"] = nameof(FindingSubject.Process),
            ["Input.Subject"] = "Xem xét của lãnh đạo", ["Input.Description"] = "Năm 2026 chưa tổ chức xem xét của lãnh đạo.",
        });

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var finding = await portal.ReadAsync(office.Commune, db => db.Set<Finding>().SingleAsync());
        Assert.Equal((FindingSource.Inspection, inspection, "Hoàng Kiểm Tra"), (finding.Source, finding.InspectionId, finding.RaisedByName));
        var after = await Html.GetDocumentAsync(auditor, office.Inspection(inspection));
        Assert.NotNull(after.QuerySelector($"#phat-hien-kiem-tra li[data-reference='{finding.Reference}']"));
        var findingPage = await Html.GetDocumentAsync(auditor, office.Finding(finding.Id));
        Assert.Equal(office.Inspection(inspection), findingPage.QuerySelector("#nguon-phat-hien a")!.GetAttribute("href"));
        Assert.Null(findingPage.QuerySelector("#dong-phat-hien"));
        // The province auditor raises inspection findings only: a direct one is the commune's.
        Assert.True(IsDenied(await auditor.GetAsync(office.NewFinding)));
        // The commune's internal auditor may transcribe them from the minutes; staff may not.
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(office.Auditor)).GetAsync(add)).StatusCode);
        var staff = await portal.SignedInAsync(office.Staff);
        Assert.Null((await Html.GetDocumentAsync(staff, office.Inspection(inspection))).QuerySelector("#phat-hien-kiem-tra a.btn"));
        Assert.True(IsDenied(await staff.GetAsync(add)));
    }

    [Fact]
    public async Task The_secretary_records_the_corrective_report_and_an_unsent_report_past_its_date_shows_overdue()
    {
        var office = await portal.OfficeAsync();
        var late = await portal.InspectionAsync(office, portal.Today().AddMonths(-3));
        var secretary = await portal.SignedInAsync(office.Secretary);

        var before = await Html.GetDocumentAsync(secretary, office.Inspection(late));
        var listBefore = await Html.GetDocumentAsync(secretary, office.Inspections);
        var tooEarly = await Html.PostFormAsync(secretary, office.Inspection(late), new() { ["Report.SubmittedOn"] = Iso(portal.Today().AddMonths(-4)), ["Report.Reference"] = "Số 9/BC-UBND" }, "Report");
        var noReference = await Html.PostFormAsync(secretary, office.Inspection(late), new() { ["Report.SubmittedOn"] = Iso(portal.Today()), ["Report.Reference"] = "" }, "Report");
        var sent = await Html.PostFormAsync(secretary, office.Inspection(late), new() { ["Report.SubmittedOn"] = Iso(portal.Today()), ["Report.Reference"] = "Báo cáo số 15/BC-UBND" }, "Report");

        Assert.Contains("Quá hạn", before.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", listBefore.QuerySelector($"tr[data-id='{late}'] .bao-cao")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ngày gửi báo cáo không được trước ngày biên bản kiểm tra.", Html.FieldError(await Html.ParseAsync(tooEarly), "Report.SubmittedOn"));
        Assert.Equal("Vui lòng nhập số, ngày văn bản báo cáo.", Html.FieldError(await Html.ParseAsync(noReference), "Report.Reference"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await Html.GetDocumentAsync(secretary, office.Inspection(late));
        Assert.Contains("Đã gửi ngày", page.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Báo cáo số 15/BC-UBND", page.QuerySelector("#bao-cao-khac-phuc")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#ghi-bao-cao"));
    }

    [Fact]
    public async Task Only_the_secretary_records_the_report()
    {
        var office = await portal.OfficeAsync();
        var inspection = await portal.InspectionAsync(office, portal.Today());
        var fields = new Dictionary<string, string> { ["Report.SubmittedOn"] = Iso(portal.Today()), ["Report.Reference"] = "Số 1" };

        foreach (var email in new[] { office.ProvinceAuditor, office.Staff, office.Auditor })
        {
            var client = await portal.SignedInAsync(email);
            Assert.True(IsDenied(await PostAsync(client, office.Inspection(inspection), office.Inspection(inspection) + "?handler=Report", fields)), email);
        }

        Assert.Null(await portal.ReadAsync(office.Commune, db => db.Set<ProvinceInspection>().Select(i => i.ReportSubmittedOn).SingleAsync()));
    }

    [Fact]
    public async Task A_platform_admin_may_record_an_inspection()
    {
        var office = await portal.OfficeAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));

        var response = await Html.PostFormAsync(admin, office.Inspections + "/moi", Fields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await portal.ReadAsync(office.Commune, db => db.Set<ProvinceInspection>().CountAsync()));
    }
}
