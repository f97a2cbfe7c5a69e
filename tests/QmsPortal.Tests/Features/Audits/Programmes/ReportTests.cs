using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>The printable audit report /{slug}/danh-gia/cuoc-danh-gia/{id}/in.</summary>
public sealed class ReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_report_holds_scope_team_meetings_every_answer_with_evidence_the_findings_raised_the_conclusion_and_the_leads_sign_off()
    {
        var commune = await portal.CreateCommuneAsync();
        var lead = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Nguyễn Trưởng Đoàn");
        var member = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Trần Thành Viên");
        var id = await AuditPlanSeed.AuditAsync(portal, commune, lead, [member], open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, commune, id);
        var client = await portal.SignedInAsync(lead);
        var url = $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{id}";
        await AuditPlanSeed.AnswerAsync(client, url, answers[0], "Conform", "Bộ phận Một cửa dùng bản ban hành lần 2.", ("danh-muc.pdf", TestFiles.Pdf()));
        await AuditPlanSeed.AnswerAsync(client, url, answers[1], "Nonconform", "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi.");
        await AuditPlanSeed.AnswerAsync(client, url, answers[2], "Observation", "Tủ lưu bản chính chưa có khóa.");
        await AuditPlanSeed.FindingAsync(portal, commune, "PH-2026-007", FindingGrade.MinorNonconformity, id, answers[1]);
        var unsigned = await Html.GetDocumentAsync(client, url + "/in");
        await Html.PostFormAsync(client, url, new() { ["Sign.ClosingMeetingOn"] = "2026-11-24", ["Sign.Conclusion"] = "Hệ thống cơ bản phù hợp; một điểm không phù hợp nhẹ." }, "Sign");

        var report = await Html.GetDocumentAsync(client, url + "/in");

        Assert.NotNull(unsigned.QuerySelector("#tinh-trang-in"));
        Assert.Contains("Chưa ký", unsigned.QuerySelector("#ky-bao-cao")!.TextContent, StringComparison.Ordinal);
        Assert.Null(report.QuerySelector("#tinh-trang-in"));
        Assert.Contains("7 Hỗ trợ; 8 Thực hiện", report.QuerySelector("#pham-vi")!.TextContent, StringComparison.Ordinal);
        var team = report.QuerySelector("#doan-va-hop")!.TextContent;
        Assert.Contains("Nguyễn Trưởng Đoàn", team, StringComparison.Ordinal);
        Assert.Contains("Trần Thành Viên", team, StringComparison.Ordinal);
        Assert.Contains("20/11/2026", team, StringComparison.Ordinal);
        Assert.Contains("24/11/2026", team, StringComparison.Ordinal);
        Assert.Contains("Bộ phận Một cửa", team, StringComparison.Ordinal);
        var rows = report.QuerySelectorAll("#ket-qua tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains("Phù hợp", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Tệp: danh-muc.pdf", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Không phù hợp", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("không có phiếu xin lỗi", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Khuyến nghị", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Không phù hợp nhẹ", report.QuerySelector("#phat-hien tr[data-finding='PH-2026-007']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hệ thống cơ bản phù hợp; một điểm không phù hợp nhẹ.", report.QuerySelector("#ket-luan")!.TextContent.Trim());
        var signOff = report.QuerySelector("#ky-bao-cao td[data-role=lead]")!.TextContent;
        Assert.Contains("Đã ký ngày 25/11/2026", signOff, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Trưởng Đoàn", signOff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_for_readers_of_the_commune_only()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var lead = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)]);
        var id = await AuditPlanSeed.AuditAsync(portal, commune, lead);
        var url = $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{id}/in";

        var inspector = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42"));
        var elsewhere = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync(url)).StatusCode);
        Assert.True(AuditPlanSeed.IsForbidden(await elsewhere.GetAsync(url)));
        Assert.Contains("dang-nhap", (await portal.Anonymous().GetAsync(url)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/{commune.Slug}/danh-gia/cuoc-danh-gia/{id + 1000}/in")).StatusCode);
    }
}
