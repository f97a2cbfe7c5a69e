using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Tthc;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Features.Audits.Findings;

/// <summary>Raising findings directly, from an audit answer and from a citizen's report; the list, its filters and who may do what.</summary>
public sealed class FindingPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Direct(string grade = nameof(FindingGrade.MinorNonconformity), string kind = nameof(FindingSubject.Process),
        string subject = "Tiếp nhận và trả kết quả") => new()
    {
        ["Input.Grade"] = grade,
        ["Input.Clause"] = "8.5",
        ["Input.SubjectKind"] = kind,
        ["Input.Subject"] = subject,
        ["Input.Description"] = "Ba hồ sơ trả trễ hạn trong tháng 10, không có phiếu xin lỗi.",
    };

    [Fact]
    public async Task An_internal_auditor_raises_a_finding_directly_and_references_run_per_year()
    {
        var office = await portal.OfficeAsync();
        var client = await portal.SignedInAsync(office.Auditor);

        var first = await Html.PostFormAsync(client, office.NewFinding, Direct());
        var second = await Html.PostFormAsync(client, office.NewFinding, Direct(nameof(FindingGrade.Opportunity)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await Html.GetDocumentAsync(client, first.Headers.Location!.ToString());
        Assert.Equal("Phát hiện PH-2026-001", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Không phù hợp nhẹ", page.QuerySelector("#tinh-trang-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("8.5 Cung cấp dịch vụ", page.QuerySelector("#thong-tin-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ghi nhận trực tiếp", page.QuerySelector("#nguon-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Đánh", page.QuerySelector("#thong-tin-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var references = await portal.ReadAsync(office.Commune, db => db.Set<Finding>().OrderBy(f => f.Id).Select(f => f.Reference).ToListAsync());
        Assert.Equal(["PH-2026-001", "PH-2026-002"], references);
    }

    [Theory]
    [InlineData("Input.Grade", "", "Tiếp nhận và trả kết quả", nameof(FindingSubject.Process), "Chọn mức độ")]
    [InlineData("Input.Clause", "3.1", "Tiếp nhận và trả kết quả", nameof(FindingSubject.Process), "không có trong TCVN ISO 9001:2015")]
    [InlineData("Input.Subject", "", "1.999999", nameof(FindingSubject.Tthc), "không có trong danh sách thủ tục xã đang niêm yết")]
    [InlineData("Input.Subject", "", "QT-99/KHONG-CO", nameof(FindingSubject.Document), "không có trong thư viện tài liệu")]
    [InlineData("Input.Subject", "", "", nameof(FindingSubject.Other), "Vui lòng nhập đối tượng")]
    public async Task Bad_input_is_refused_beside_its_field_and_nothing_is_written(string field, string value, string subject, string kind, string message)
    {
        var office = await portal.OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        var fields = Direct(kind: kind, subject: subject);
        if (field is "Input.Grade" or "Input.Clause")
        {
            fields[field] = value;
        }

        var response = await Html.PostFormAsync(client, office.NewFinding, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.FieldError(await Html.ParseAsync(response), field), StringComparison.Ordinal);
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().CountAsync()));
        // The refused finding gave its number back: the next one is still the first of the year.
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, office.NewFinding, Direct())).StatusCode);
        Assert.Equal("PH-2026-001", await portal.ReadAsync(office.Commune, db => db.Set<Finding>().Select(f => f.Reference).SingleAsync()));
    }

    [Fact]
    public async Task A_subject_may_be_a_posted_tthc_or_a_document_of_the_commune()
    {
        var office = await portal.OfficeAsync();
        var (code, _, _) = await portal.ReportAsync(office);
        var client = await portal.SignedInAsync(office.Auditor);

        var form = await Html.GetDocumentAsync(client, office.NewFinding);
        var response = await Html.PostFormAsync(client, office.NewFinding, Direct(kind: nameof(FindingSubject.Tthc), subject: code));

        Assert.NotNull(form.QuerySelector($"datalist#ma-doi-tuong option[value='{code}']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var finding = await portal.ReadAsync(office.Commune, db => db.Set<Finding>().SingleAsync());
        Assert.Equal((FindingSubject.Tthc, code), (finding.SubjectKind, finding.Subject));
    }

    [Fact]
    public async Task A_finding_from_an_audit_answer_is_prefilled_with_its_clause_and_evidence_and_linked_to_the_audit()
    {
        var office = await portal.OfficeAsync();
        var (auditId, _, answerId) = await portal.AuditAsync(office);
        var client = await portal.SignedInAsync(office.Auditor);
        var url = $"{office.NewFinding}?auditId={auditId}&answerId={answerId}";

        var form = await Html.GetDocumentAsync(client, url);
        var response = await Html.PostFormAsync(client, url, []);

        Assert.Equal("8.5", ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#Input_Clause")!).Value);
        Assert.Equal(nameof(FindingGrade.MinorNonconformity), ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#Input_Grade")!).Value);
        Assert.Contains("3 hồ sơ khai sinh trả trễ hạn", form.QuerySelector("#Input_Description")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("QT-05/TB-HT", form.QuerySelector("#Input_Subject")!.GetAttribute("value"));
        Assert.Contains("Đánh giá quy trình hộ tịch", form.QuerySelector("#nguon-phat-hien")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The scope's document code is not in this commune's library: the check on subjects applies to audits too.
        Assert.Contains("không có trong thư viện tài liệu", Html.FieldError(await Html.ParseAsync(response), "Input.Subject"), StringComparison.Ordinal);

        var saved = await Html.PostFormAsync(client, url, new() { ["Input.SubjectKind"] = nameof(FindingSubject.Process), ["Input.Subject"] = "Đăng ký khai sinh" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var finding = await portal.ReadAsync(office.Commune, db => db.Set<Finding>().SingleAsync());
        Assert.Equal((FindingSource.Audit, auditId, answerId, "8.5"), (finding.Source, finding.AuditId, finding.AuditAnswerId, finding.Clause));
        var page = await Html.GetDocumentAsync(client, saved.Headers.Location!.ToString());
        Assert.Equal($"/{office.Slug}/danh-gia/cuoc-danh-gia/{auditId}", page.QuerySelector("#nguon-phat-hien a")!.GetAttribute("href"));
        Assert.Contains("Hồ sơ TTHC có được trả đúng hẹn không?", page.QuerySelector("#nguon-phat-hien")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_of_another_audit_or_an_audit_not_yet_opened_is_refused_beside_it_and_nothing_is_written()
    {
        var office = await portal.OfficeAsync();
        var (firstAudit, _, _) = await portal.AuditAsync(office);
        var (_, _, otherAnswer) = await portal.AuditAsync(office);
        var (planned, _, _) = await portal.AuditAsync(office, open: false);
        var client = await portal.SignedInAsync(office.Auditor);

        var swapped = await Html.GetDocumentAsync(client, $"{office.NewFinding}?auditId={firstAudit}&answerId={otherAnswer}");
        var swappedPost = await PostAsync(client, office.NewFinding, $"{office.NewFinding}?auditId={firstAudit}&answerId={otherAnswer}", Direct());
        var notOpen = await Html.GetDocumentAsync(client, $"{office.NewFinding}?auditId={planned}");
        var notOpenPost = await PostAsync(client, office.NewFinding, $"{office.NewFinding}?auditId={planned}", Direct());

        Assert.Contains("không thuộc cuộc đánh giá này", Html.FieldError(swapped, "AnswerId"), StringComparison.Ordinal);
        Assert.Null(swapped.QuerySelector("main form[method=post]"));
        Assert.Contains("không thuộc cuộc đánh giá này", Html.FieldError(await Html.ParseAsync(swappedPost), "AnswerId"), StringComparison.Ordinal);
        Assert.Contains("đang tiến hành hoặc đã ký báo cáo", Html.FieldError(notOpen, "AuditId"), StringComparison.Ordinal);
        Assert.Contains("đang tiến hành hoặc đã ký báo cáo", Html.FieldError(await Html.ParseAsync(notOpenPost), "AuditId"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{office.NewFinding}?auditId=999999&answerId={otherAnswer}")).StatusCode);
    }

    [Fact]
    public async Task One_click_on_a_citizen_report_leads_to_a_prefilled_finding_and_the_two_link_both_ways()
    {
        var office = await portal.OfficeAsync();
        var (code, feedbackId, reference) = await portal.ReportAsync(office);
        var client = await portal.SignedInAsync(office.Secretary);

        var feedbacks = await Html.GetDocumentAsync(client, $"/{office.Slug}/thu-tuc/quan-ly/phan-anh");
        var link = feedbacks.QuerySelector($"#phan-anh-{feedbackId} td.phat-hien a")!;
        Assert.Equal("Lập phát hiện", link.TextContent);
        var form = await Html.GetDocumentAsync(client, link.GetAttribute("href")!);
        Assert.Equal(code, form.QuerySelector("#Input_Subject")!.GetAttribute("value"));
        Assert.Equal(nameof(FindingSubject.Tthc), ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#Input_SubjectKind")!).Value);
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlSelectElement)form.QuerySelector("#Input_Grade")!).Value);
        Assert.Contains(reference, form.QuerySelector("#nguon-phat-hien")!.TextContent, StringComparison.Ordinal);
        var noGrade = await Html.PostFormAsync(client, link.GetAttribute("href")!, []);
        Assert.Equal("Chọn mức độ của phát hiện.", Html.FieldError(await Html.ParseAsync(noGrade), "Input.Grade"));

        var raised = await Html.PostFormAsync(client, link.GetAttribute("href")!, new() { ["Input.Grade"] = nameof(FindingGrade.MinorNonconformity) });

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var finding = await Html.GetDocumentAsync(client, raised.Headers.Location!.ToString());
        Assert.Contains(reference, finding.QuerySelector("#phan-anh-nguon")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("giấy xác nhận cư trú", finding.QuerySelector("#phan-anh-nguon")!.TextContent, StringComparison.Ordinal);
        var after = await Html.GetDocumentAsync(client, $"/{office.Slug}/thu-tuc/quan-ly/phan-anh");
        var back = after.QuerySelector($"#phan-anh-{feedbackId} td.phat-hien a")!;
        Assert.Equal("PH-2026-001", back.TextContent);
        var followed = await client.GetAsync(back.GetAttribute("href"));
        Assert.Equal(raised.Headers.Location, followed.Headers.Location);
        var stored = await portal.ReadAsync(office.Commune, db => db.Set<TthcFeedback>().SingleAsync(f => f.Id == feedbackId));
        Assert.Equal((FeedbackStatus.Handled, "PH-2026-001"), (stored.Status, stored.FindingReference));
    }

    [Fact]
    public async Task A_report_already_turned_into_a_finding_is_not_turned_into_a_second()
    {
        var office = await portal.OfficeAsync();
        var (_, feedbackId, _) = await portal.ReportAsync(office);
        var client = await portal.SignedInAsync(office.Auditor);
        var url = $"{office.NewFinding}?feedbackId={feedbackId}";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, url, new() { ["Input.Grade"] = nameof(FindingGrade.Observation) })).StatusCode);

        var again = await Html.GetDocumentAsync(client, url);
        var post = await PostAsync(client, office.NewFinding, url, Direct());

        Assert.Contains("đã được lập thành phát hiện PH-2026-001", Html.FieldError(again, "FeedbackId"), StringComparison.Ordinal);
        Assert.Contains("đã được lập thành phát hiện PH-2026-001", Html.FieldError(await Html.ParseAsync(post), "FeedbackId"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().CountAsync()));
    }

    [Fact]
    public async Task Staff_see_reports_without_the_finding_link_and_cannot_raise_findings()
    {
        var office = await portal.OfficeAsync();
        var (_, feedbackId, _) = await portal.ReportAsync(office);
        var staff = await portal.SignedInAsync(office.Staff);
        var approver = await portal.SignedInAsync(office.Approver);

        var feedbacks = await Html.GetDocumentAsync(staff, $"/{office.Slug}/thu-tuc/quan-ly/phan-anh");

        Assert.Null(feedbacks.QuerySelector($"#phan-anh-{feedbackId} td.phat-hien a"));
        Assert.True(IsDenied(await staff.GetAsync(office.NewFinding)));
        Assert.True(IsDenied(await staff.GetAsync($"{office.NewFinding}?feedbackId={feedbackId}")));
        Assert.True(IsDenied(await approver.GetAsync(office.NewFinding)));
        Assert.True(IsDenied(await PostAsync(staff, office.Findings, office.NewFinding, Direct())));
        Assert.Equal(0, await portal.ReadAsync(office.Commune, db => db.Set<Finding>().CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(office.Findings)).StatusCode);
        Assert.Null((await Html.GetDocumentAsync(staff, office.Findings)).QuerySelector($"a[href='{office.NewFinding}']"));
    }

    [Fact]
    public async Task The_list_filters_by_status_grade_and_source_marks_overdue_actions_and_opens_a_reference()
    {
        var office = await portal.OfficeAsync();
        var major = await portal.FindingAsync(office, FindingGrade.MajorNonconformity, "PH-2026-010");
        var observation = await portal.FindingAsync(office, FindingGrade.Observation, "PH-2026-011");
        var (_, feedbackId, _) = await portal.ReportAsync(office);
        await portal.FindingAsync(office, FindingGrade.MinorNonconformity, "PH-2026-012", new FindingOrigin(FindingSource.CitizenReport, FeedbackId: feedbackId));
        var today = portal.Today();
        await portal.ActionAsync(office, major, office.Staff, today.AddDays(-3), plannedOn: today.AddDays(-30));
        var client = await portal.SignedInAsync(office.Approver);

        async Task<List<string>> Listed(string query) =>
            (await Html.GetDocumentAsync(client, office.Findings + query)).QuerySelectorAll("#danh-sach-phat-hien tbody tr").Select(r => r.GetAttribute("data-reference")!).ToList();

        var all = await Html.GetDocumentAsync(client, office.Findings);
        Assert.Equal(["PH-2026-012", "PH-2026-011", "PH-2026-010"], all.QuerySelectorAll("#danh-sach-phat-hien tbody tr").Select(r => r.GetAttribute("data-reference")));
        Assert.Contains("Có hành động quá hạn", all.QuerySelector("tr[data-reference='PH-2026-010']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn", all.QuerySelector("tr[data-reference='PH-2026-011']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["PH-2026-010"], await Listed("?muc-do=MajorNonconformity"));
        Assert.Equal(["PH-2026-012"], await Listed("?nguon=CitizenReport"));
        Assert.Empty(await Listed("?trang-thai=Closed"));
        Assert.Equal(3, (await Listed("?trang-thai=Open")).Count);

        var opened = await client.GetAsync(office.Findings + "?so=ph-2026-011");
        var unknown = await Html.GetDocumentAsync(client, office.Findings + "?so=PH-2026-999");
        Assert.Equal(office.Finding(observation), opened.Headers.Location!.ToString());
        Assert.Contains("Không có phát hiện số PH-2026-999", Html.FieldError(unknown, "so"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_link_of_the_feedback_entity_is_set_once()
    {
        var feedback = new TthcFeedback { Reference = "PA-2026-000001" };

        feedback.TurnIntoFinding("PH-2026-001");
        var again = Assert.Throws<DomainException>(() => feedback.TurnIntoFinding("PH-2026-002"));

        Assert.Equal((FeedbackStatus.Handled, "PH-2026-001"), (feedback.Status, feedback.FindingReference));
        Assert.Contains("đã được lập thành phát hiện PH-2026-001", again.Message, StringComparison.Ordinal);
    }
}
