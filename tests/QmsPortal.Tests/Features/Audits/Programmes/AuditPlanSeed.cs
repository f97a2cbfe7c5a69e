using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>Programmes, questions, audits and findings brought to a state through the entity rules, with real users.</summary>
internal static class AuditPlanSeed
{
    public static readonly (string Clause, string Text)[] Bank =
    [
        ("7.5.3", "Tài liệu áp dụng tại Bộ phận Một cửa có đúng phiên bản đang hiệu lực?"),
        ("8.5", "Hồ sơ trễ hạn có Phiếu xin lỗi và hẹn lại ngày trả kết quả không?"),
        ("8.5.3", "Bản chính giấy tờ của người dân được bảo quản và trả lại thế nào?"),
        ("9.1.2", "Xã có khảo sát sự hài lòng của người dân không?"),
    ];

    public static Task QuestionsAsync(PortalFactory portal, TenantInfo commune, params (string Clause, string Text)[] questions) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.AddRange(questions.Select(q => ChecklistQuestion.Create(q.Clause, q.Text, isStarter: false)));
            await db.SaveChangesAsync();
        }, commune);

    public static Task ProgrammeAsync(PortalFactory portal, TenantInfo commune, int year = 2026) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            if (!await db.Set<AuditProgramme>().AnyAsync(p => p.Year == year))
            {
                db.Add(AuditProgramme.Create(year, null));
                await db.SaveChangesAsync();
            }
        }, commune);

    /// <summary>Plans an audit (scope clauses 7 and 8 unless told) and, when asked, opens it with the bank of <see cref="Bank"/> questions.</summary>
    public static async Task<int> AuditAsync(PortalFactory portal, TenantInfo commune, string leadEmail, string[]? teamEmails = null, string[]? clauses = null,
        int month = 11, bool open = false, string title = "Đánh giá quy trình hộ tịch")
    {
        await ProgrammeAsync(portal, commune);
        return await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var programme = await db.Set<AuditProgramme>().SingleAsync(p => p.Year == 2026);
            var lead = await AuditPeople.PersonAsync(sp, leadEmail);
            var team = new List<AuditPerson>();
            foreach (var email in teamEmails ?? [])
            {
                team.Add(await AuditPeople.PersonAsync(sp, email));
            }

            var audit = programme.Plan(month, title, AuditScope.Create([], [], clauses ?? ["7", "8"]), lead, team, new HashSet<string>());
            await db.SaveChangesAsync();
            if (open)
            {
                if (!await db.Set<ChecklistQuestion>().AnyAsync())
                {
                    db.AddRange(Bank.Select(q => ChecklistQuestion.Create(q.Clause, q.Text, isStarter: true)));
                    await db.SaveChangesAsync();
                }

                audit.Open(new DateOnly(2026, 11, 20), "Đoàn đánh giá; Bộ phận Một cửa", await db.Set<ChecklistQuestion>().ToListAsync(), lead);
                await db.SaveChangesAsync();
            }

            return audit.Id;
        }, commune);
    }

    public static Task<int[]> AnswerIdsAsync(PortalFactory portal, TenantInfo commune, int auditId) =>
        AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditAnswer>().Where(a => a.AuditId == auditId).OrderBy(a => a.Order).Select(a => a.Id).ToArrayAsync());

    public static Task<int> FindingAsync(PortalFactory portal, TenantInfo commune, string reference, FindingGrade grade, int? auditId = null, int? answerId = null,
        string description = "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi.") =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var origin = auditId is null ? FindingOrigin.Direct : new FindingOrigin(FindingSource.Audit, auditId, answerId);
            var finding = Finding.Raise(reference, grade, "8.5", FindingSubject.Tthc, "1.001193", description, origin,
                new AuditPerson("u-auditor", "Chuyên gia thử", null), new DateOnly(2026, 11, 21));
            db.Add(finding);
            await db.SaveChangesAsync();
            return finding.Id;
        }, commune);

    /// <summary>Posts one answer's form (multipart, as the page's form is), with an optional evidence file.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string auditUrl, int answerId, string? result, string? evidence,
        (string Name, byte[] Content)? file = null)
    {
        var page = await Html.GetDocumentAsync(client, auditUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value), "__qms_af");
        if (result is not null)
        {
            form.Add(new StringContent(result), "result");
        }

        form.Add(new StringContent(evidence ?? ""), "evidence");
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "upload", f.Name);
        }

        return await client.PostAsync($"{auditUrl}?handler=Answer&answer={answerId}", form);
    }

    /// <summary>Posts fields that repeat (checkboxes) with the page's antiforgery token, to the page or one of its handlers.</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? handler = null)
    {
        var page = await Html.GetDocumentAsync(client, pageUrl);
        var values = new List<KeyValuePair<string, string>> { new("__qms_af", ((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(handler is null ? pageUrl : $"{pageUrl}?handler={handler}", new FormUrlEncodedContent(values));
    }

    public static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal);
}
