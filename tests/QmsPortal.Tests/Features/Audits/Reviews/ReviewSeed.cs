using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reviews;

/// <summary>Audit records brought to a state through the entity rules, with real users acting, for the review and objective tests.</summary>
internal static class ReviewSeed
{
    /// <summary>An audit of the year's programme, opened, answered (one nonconformity) and signed by its lead.</summary>
    public static Task<int> ReportedAuditAsync(PortalFactory portal, TenantInfo commune, string leadEmail, string title, DateOnly closingOn, string nonconformity) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var lead = await AuditPeople.PersonAsync(sp, leadEmail);
            var programme = await db.Set<AuditProgramme>().Include(p => p.Audits).FirstOrDefaultAsync(p => p.Year == closingOn.Year);
            if (programme is null)
            {
                programme = AuditProgramme.Create(closingOn.Year, null);
                db.Add(programme);
            }

            var audit = programme.Plan(closingOn.Month, title, AuditScope.Create([], ["1.001193"], ["8"]), lead, [], new HashSet<string>());
            audit.Open(closingOn.AddDays(-1), "Bộ phận Một cửa",
                [ChecklistQuestion.Create("8.5", "Hồ sơ có được trả đúng hẹn không?", false), ChecklistQuestion.Create("8.2", "Thông tin TTHC có được niêm yết đầy đủ không?", false)], lead);
            audit.Answer(audit.Answers[0], AnswerResult.Nonconform, nonconformity, lead);
            audit.Answer(audit.Answers[1], AnswerResult.Conform, null, lead);
            audit.SignReport(closingOn, "Hệ thống cơ bản phù hợp.", lead, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return audit.Id;
        }, commune);

    public static Task<int> FindingAsync(PortalFactory portal, TenantInfo commune, string raiserEmail, string reference, FindingGrade grade, DateOnly raisedOn, string subject = "1.001193") =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var finding = Finding.Raise(reference, grade, "8.5", FindingSubject.Tthc, subject, "Hồ sơ trả trễ hạn, không có phiếu xin lỗi.", FindingOrigin.Direct,
                await AuditPeople.PersonAsync(sp, raiserEmail), raisedOn);
            db.Add(finding);
            await db.SaveChangesAsync();
            return finding.Id;
        }, commune);

    public static Task<int> CorrectiveActionAsync(PortalFactory portal, TenantInfo commune, int findingId, string ownerEmail, string plannerEmail, DateOnly plannedOn, DateOnly dueDate,
        string action = "Lập sổ theo dõi hạn trả hồ sơ hằng ngày.") =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var finding = await db.Set<Finding>().SingleAsync(f => f.Id == findingId);
            var ca = CorrectiveAction.Plan(finding, "Gọi điện xin lỗi người dân.", "Không theo dõi hạn trả.", action, await AuditPeople.PersonAsync(sp, ownerEmail), dueDate,
                "Không còn hồ sơ trễ hạn trong 2 tháng.", 30, await AuditPeople.PersonAsync(sp, plannerEmail), plannedOn, portal.Clock.GetUtcNow());
            db.Add(ca);
            await db.SaveChangesAsync();
            return ca.Id;
        }, commune);

    public static Task<int> ObjectiveAsync(PortalFactory portal, TenantInfo commune, string name, string unit, decimal target, ObjectiveDirection direction,
        params (DateOnly Month, decimal Value)[] values) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var objective = QualityObjective.Create(name, name, unit, target, direction, DeskMeasure.None);
            foreach (var (month, value) in values)
            {
                objective.SetValue(month, value, ObjectiveValueSource.Typed);
            }

            db.Add(objective);
            await db.SaveChangesAsync();
            return objective.Id;
        }, commune);

    /// <summary>
    /// Posts to a page (and handler) with an antiforgery token, as a hand-crafted request would, whatever forms the page shows; the
    /// token comes from <paramref name="tokenFrom"/> when the target itself cannot be read (another commune's id).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string? handler, Dictionary<string, string>? fields = null,
        string? tokenFrom = null)
    {
        var page = await Html.GetDocumentAsync(client, tokenFrom ?? pageUrl);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value;
        var values = new Dictionary<string, string>(fields ?? []) { ["__qms_af"] = token };
        var separator = pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await client.PostAsync(handler is null ? pageUrl : $"{pageUrl}{separator}handler={handler}", new FormUrlEncodedContent(values));
    }

    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.Forbidden
        || (response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal));
}
