using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Tthc;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Isolation;

/// <summary>Commune B's findings, corrective actions, inspections, audit answers and citizens' reports never reach commune A's pages, by guessed ids or swapped slugs.</summary>
public sealed class AuditsFindingsIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(AuditOffice A, AuditOffice B, int FindingA, int FindingB, int ActionB, int InspectionB, int FeedbackB, int AuditB, int AnswerB);

    private async Task<Setup> SetupAsync()
    {
        var a = await portal.OfficeAsync("42");
        var b = await portal.OfficeAsync("51");
        var findingA = await portal.FindingAsync(a, reference: "PH-2026-001");
        var findingB = await portal.FindingAsync(b, reference: "PH-2026-777", description: "Bí mật nội bộ của xã B.");
        var actionB = await portal.ActionAsync(b, findingB, b.Staff, portal.Today().AddDays(10));
        var inspectionB = await portal.InspectionAsync(b, portal.Today().AddDays(-5));
        var (_, feedbackB, _) = await portal.ReportAsync(b);
        var (auditB, _, answerB) = await portal.AuditAsync(b);
        return new Setup(a, b, findingA, findingB, actionB, inspectionB, feedbackB, auditB, answerB);
    }

    [Fact]
    public async Task Commune_Bs_ids_through_commune_As_pages_are_not_found()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.A.Secretary);

        foreach (var url in new[]
                 {
                     s.A.Finding(s.FindingB), s.A.Inspection(s.InspectionB),
                     $"{s.A.NewFinding}?feedbackId={s.FeedbackB}", $"{s.A.NewFinding}?inspectionId={s.InspectionB}",
                     $"{s.A.NewFinding}?auditId={s.AuditB}&answerId={s.AnswerB}", $"{s.A.NewFinding}?auditId={s.AuditB}",
                 })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var list = await Html.GetDocumentAsync(client, s.A.Findings);
        Assert.DoesNotContain("PH-2026-777", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s.A.Findings + "?so=PH-2026-777")).StatusCode);
        var actions = await Html.GetDocumentAsync(client, s.A.Actions);
        Assert.Null(actions.QuerySelector($"#danh-sach-hanh-dong tr[data-id='{s.ActionB}']"));
        Assert.Null(actions.QuerySelector($"#viec-den-han li[data-id='{s.ActionB}']"));
        var inspections = await Html.GetDocumentAsync(client, s.A.Inspections);
        Assert.Null(inspections.QuerySelector($"tr[data-id='{s.InspectionB}']"));
    }

    [Fact]
    public async Task Posting_commune_Bs_ids_through_commune_As_pages_writes_nothing()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.A.Secretary);
        var finding = new Dictionary<string, string>
        {
            ["Input.Grade"] = nameof(FindingGrade.MinorNonconformity), ["Input.Clause"] = "8.2", ["Input.SubjectKind"] = nameof(FindingSubject.Other),
            ["Input.Subject"] = "Niêm yết", ["Input.Description"] = "Thử lập từ phản ánh của xã khác.",
        };

        var fromReport = await PostAsync(client, s.A.Findings, $"{s.A.NewFinding}?feedbackId={s.FeedbackB}", finding);
        var fromInspection = await PostAsync(client, s.A.Findings, $"{s.A.NewFinding}?inspectionId={s.InspectionB}", finding);
        var fromAnswer = await PostAsync(client, s.A.Findings, $"{s.A.NewFinding}?auditId={s.AuditB}&answerId={s.AnswerB}", finding);
        var complete = await PostAsync(client, s.A.Findings, s.A.Finding(s.FindingA) + "?handler=Complete",
            new() { ["Progress.ActionId"] = Number(s.ActionB), ["Progress.Version"] = "1", ["Progress.Evidence"] = "Làm thay xã B." });
        var reschedule = await PostAsync(client, s.A.Findings, s.A.Finding(s.FindingB) + "?handler=Reschedule",
            new() { ["Reschedule.ActionId"] = Number(s.ActionB), ["Reschedule.Version"] = "1", ["Reschedule.DueDate"] = Iso(portal.Today().AddDays(90)) });
        var close = await PostAsync(client, s.A.Findings, s.A.Finding(s.FindingB) + "?handler=Close", new() { ["Close.Note"] = "Đóng hộ." });
        var report = await PostAsync(client, s.A.Findings, s.A.Inspection(s.InspectionB) + "?handler=Report",
            new() { ["Report.SubmittedOn"] = Iso(portal.Today()), ["Report.Reference"] = "Số 1" });

        Assert.All(new[] { fromReport, fromInspection, fromAnswer, complete, reschedule, close, report }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(1, await portal.ReadAsync(s.A.Commune, db => db.Set<Finding>().CountAsync()));
        var feedback = await portal.ReadAsync(s.B.Commune, db => db.Set<TthcFeedback>().SingleAsync(f => f.Id == s.FeedbackB));
        Assert.Null(feedback.FindingReference);
        var action = await portal.ReadAsync(s.B.Commune, db => db.Set<CorrectiveAction>().SingleAsync(x => x.Id == s.ActionB));
        Assert.Equal((CorrectiveActionStatus.Open, portal.Today().AddDays(10)), (action.Status, action.DueDate));
        Assert.Equal(FindingStatus.Open, await portal.ReadAsync(s.B.Commune, db => db.Set<Finding>().Select(f => f.Status).SingleAsync()));
        Assert.Null(await portal.ReadAsync(s.B.Commune, db => db.Set<ProvinceInspection>().Select(i => i.ReportSubmittedOn).SingleAsync()));
    }

    [Fact]
    public async Task Commune_As_members_cannot_open_commune_Bs_audit_record_pages()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.A.Secretary);

        foreach (var url in new[] { s.B.Findings, s.B.Finding(s.FindingB), s.B.NewFinding, s.B.Actions, s.B.Inspections, s.B.Inspection(s.InspectionB) })
        {
            Assert.True(IsDenied(await client.GetAsync(url)), url);
        }

        var anonymous = await portal.Anonymous().GetAsync(s.B.Finding(s.FindingB));
        Assert.Contains("dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_auditor_of_another_province_cannot_read_or_record_an_inspection()
    {
        var s = await SetupAsync();
        // B's province auditor supervises province 51, not A's province 42.
        var outsider = await portal.SignedInAsync(s.B.ProvinceAuditor);
        var fields = new Dictionary<string, string>
        {
            ["Input.InspectedOn"] = "2026-11-10", ["Input.MinutesDate"] = "2026-11-12", ["Input.Unit"] = "Sở Khoa học và Công nghệ",
            ["Input.Inspectors"] = "Đoàn của tỉnh khác", ["Input.OnSite"] = "true",
        };

        Assert.True(IsDenied(await outsider.GetAsync(s.A.Inspections)));
        Assert.True(IsDenied(await outsider.GetAsync(s.A.Inspections + "/moi")));
        Assert.True(IsDenied(await outsider.GetAsync(s.A.Findings)));
        Assert.True(IsDenied(await PostAsync(outsider, s.B.Inspections, s.A.Inspections + "/moi", fields)));
        Assert.Equal(0, await portal.ReadAsync(s.A.Commune, db => db.Set<ProvinceInspection>().CountAsync()));
        var account = await Html.GetDocumentAsync(outsider, "/tai-khoan");
        Assert.Null(account.QuerySelector($"a[href='{s.A.Inspections}']"));
        Assert.NotNull(account.QuerySelector($"a[href='{s.B.Inspections}']"));
        // Their own province's commune is theirs to record.
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(outsider, s.B.Inspections + "/moi", fields)).StatusCode);
    }
}
