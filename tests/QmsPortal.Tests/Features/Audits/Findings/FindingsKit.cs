using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Findings;

/// <summary>A commune's people for the audit records: each role held by a different member, and a province auditor of its province.</summary>
internal sealed record AuditOffice(TenantInfo Commune, string Secretary, string Auditor, string Approver, string Staff, string ProvinceAuditor)
{
    public string Slug => Commune.Slug;
    public string Findings => $"/{Slug}/danh-gia/phat-hien";
    public string NewFinding => $"/{Slug}/danh-gia/phat-hien/moi";
    public string Actions => $"/{Slug}/danh-gia/khac-phuc";
    public string Inspections => $"/{Slug}/danh-gia/kiem-tra-cua-tinh";
    public string Finding(int id) => $"/{Slug}/danh-gia/phat-hien/{id}";
    public string Inspection(int id) => $"/{Slug}/danh-gia/kiem-tra-cua-tinh/{id}";
}

/// <summary>Audit records brought to a state through the entity rules, with the commune's real members as actors.</summary>
internal static class FindingsKit
{
    public static DateOnly Today(this PortalFactory portal) => QmsPortal.Web.Text.VietnameseFormat.Today(portal.Clock);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static async Task<AuditOffice> OfficeAsync(this PortalFactory portal, string provinceCode = "42")
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: provinceCode);
        return new AuditOffice(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Lê Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Nguyễn Văn Đánh"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Phạm Chủ Tịch"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Trần Thị Cán"),
            await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: provinceCode, fullName: "Hoàng Kiểm Tra"));
    }

    /// <summary>A finding written straight to the database (the raising pages have their own tests).</summary>
    public static Task<int> FindingAsync(this PortalFactory portal, AuditOffice office, FindingGrade grade = FindingGrade.MinorNonconformity, string reference = "PH-2026-901",
        FindingOrigin? origin = null, string description = "Hồ sơ số 12 trả trễ hạn 2 ngày, không có phiếu xin lỗi.") =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var finding = Finding.Raise(reference, grade, "8.5", FindingSubject.Process, "Tiếp nhận và trả kết quả", description, origin ?? FindingOrigin.Direct,
                await portal.PersonAsync(office.Auditor), portal.Today());
            db.Add(finding);
            await db.SaveChangesAsync();
            return finding.Id;
        }, office.Commune);

    /// <summary>A corrective action planned as of <paramref name="plannedOn"/> (a past day lets a test have an overdue action), optionally reported done.</summary>
    public static Task<int> ActionAsync(this PortalFactory portal, AuditOffice office, int findingId, string ownerEmail, DateOnly dueDate, int checkAfterDays = 0,
        DateOnly? plannedOn = null, DateOnly? doneOn = null) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var finding = await db.Set<Finding>().SingleAsync(f => f.Id == findingId);
            var owner = await portal.PersonAsync(ownerEmail);
            var action = CorrectiveAction.Plan(finding, "Gọi điện xin lỗi người dân.", "Không có sổ theo dõi hạn trả.", "Lập sổ theo dõi hạn trả hằng ngày.", owner, dueDate,
                "Không còn hồ sơ trễ hạn trong 2 tháng.", checkAfterDays, await portal.PersonAsync(office.Secretary), plannedOn ?? portal.Today(), portal.Clock.GetUtcNow());
            if (doneOn is { } on)
            {
                action.Complete("Sổ theo dõi đã lập.", on, owner, portal.Clock.GetUtcNow());
            }

            db.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        }, office.Commune);

    /// <summary>An audit of the commune opened with a checklist of two questions, the second answered nonconform with evidence.</summary>
    public static Task<(int AuditId, int ConformAnswer, int NonconformAnswer)> AuditAsync(this PortalFactory portal, AuditOffice office, bool open = true,
        string documents = "QT-05/TB-HT", int year = 2026) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var lead = await portal.PersonAsync(office.Auditor);
            var programme = await db.Set<AuditProgramme>().FirstOrDefaultAsync(p => p.Year == year) ?? AuditProgramme.Create(year, null);
            if (programme.Id == 0)
            {
                db.Add(programme);
            }

            var audit = programme.Plan(10, "Đánh giá quy trình hộ tịch", AuditScope.Create(documents.Split(' ', StringSplitOptions.RemoveEmptyEntries), [], ["7", "8"]),
                lead, [], new HashSet<string>());
            if (open)
            {
                audit.Open(new DateOnly(year, 10, 5), "Đoàn đánh giá", [
                    ChecklistQuestion.Create("7.5.3", "Tài liệu đang áp dụng có đúng bản ban hành mới nhất không?", isStarter: true),
                    ChecklistQuestion.Create("8.5", "Hồ sơ TTHC có được trả đúng hẹn không?", isStarter: true),
                ], lead);
                audit.Answer(audit.Answers[0], AnswerResult.Conform, null, lead);
                audit.Answer(audit.Answers[1], AnswerResult.Nonconform, "Sổ theo dõi: 3 hồ sơ khai sinh trả trễ hạn, không có phiếu xin lỗi.", lead);
            }

            await db.SaveChangesAsync();
            return open ? (audit.Id, audit.Answers[0].Id, audit.Answers[1].Id) : (audit.Id, 0, 0);
        }, office.Commune);

    /// <summary>A posted TTHC of the commune and a citizen's report about it.</summary>
    public static async Task<(string Code, int FeedbackId, string Reference)> ReportAsync(this PortalFactory portal, AuditOffice office)
    {
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(office.Commune.ProvinceCode, TthcBuilder.Procedure(code));
        await portal.PostAsync(office.Commune, true, code);
        var reference = $"PA-2026-{PortalFactory.Next():000000}";
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var feedback = new TthcFeedback { Reference = reference, Code = code, Message = "Bộ phận Một cửa đòi thêm giấy xác nhận cư trú không có trong niêm yết.", CreatedAt = portal.Clock.GetUtcNow() };
            db.Add(feedback);
            await db.SaveChangesAsync();
            return feedback.Id;
        }, office.Commune);
        return (code, id, reference);
    }

    public static Task<int> InspectionAsync(this PortalFactory portal, AuditOffice office, DateOnly minutes, DateOnly? reportedOn = null) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var inspection = ProvinceInspection.Record(minutes.AddDays(-1), minutes, "Sở Khoa học và Công nghệ", "Đoàn kiểm tra của Sở", true, "Cơ bản phù hợp.",
                await portal.PersonAsync(office.ProvinceAuditor));
            if (reportedOn is { } on)
            {
                inspection.SubmitReport(on, "Báo cáo số 1/BC-UBND");
            }

            db.Add(inspection);
            await db.SaveChangesAsync();
            return inspection.Id;
        }, office.Commune);

    /// <summary>Posts to a page handler with a token taken from <paramref name="tokenPage"/>, as a hand-made request would (no form needed).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string target, Dictionary<string, string> fields)
    {
        var page = await Html.GetDocumentAsync(client, tokenPage);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value;
        return await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__qms_af"] = token }));
    }

    public static Dictionary<string, string> PlanFields(string ownerId, DateOnly due, int checkAfterDays = 0) => new()
    {
        ["Plan.Correction"] = "Gọi điện xin lỗi ba người dân bị trả trễ.",
        ["Plan.Why1"] = "Hồ sơ trả trễ vì công chức không biết hạn trả.",
        ["Plan.Why2"] = "Không có sổ theo dõi hạn trả.",
        ["Plan.Why3"] = "",
        ["Plan.Why4"] = "",
        ["Plan.Why5"] = "",
        ["Plan.RootCause"] = "Quy trình thiếu bước theo dõi hạn trả.",
        ["Plan.Action"] = "Bổ sung bước theo dõi hạn trả vào quy trình, lập sổ theo dõi.",
        ["Plan.OwnerId"] = ownerId,
        ["Plan.DueDate"] = Iso(due),
        ["Plan.SuccessCriteria"] = "Không có hồ sơ trễ hạn trong 2 tháng.",
        ["Plan.CheckAfterDays"] = Number(checkAfterDays),
    };

    public static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.Forbidden
        || (response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal));
}
