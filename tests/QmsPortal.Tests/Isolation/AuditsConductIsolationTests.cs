using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Programmes;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Commune B's programmes, audits, answers, evidence files, reports and questions never reach commune A's users or another province's auditors.</summary>
public sealed class AuditsConductIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo A, TenantInfo B, string UserA, int AuditA, int AuditB, int AnswerB, int FileB, int QuestionB);

    private async Task<Setup> SetupAsync()
    {
        var a = await portal.CreateCommuneAsync(provinceCode: "42");
        var b = await portal.CreateCommuneAsync(provinceCode: "44");
        var userA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.InternalAuditor), (a, CommuneRole.QualitySecretary)]);
        var leadB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.InternalAuditor)]);
        var auditA = await AuditPlanSeed.AuditAsync(portal, a, userA, open: true, title: "Đánh giá của xã A");
        var auditB = await AuditPlanSeed.AuditAsync(portal, b, leadB, open: true, title: "Đánh giá bí mật của xã B");
        var answerB = (await AuditPlanSeed.AnswerIdsAsync(portal, b, auditB))[0];
        var fileB = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(TestFiles.Pdf("Bang chung xa B")), 1_000_000);
            var file = new AuditEvidenceFile { AuditId = auditB, AnswerId = answerB, FileName = "b.pdf", ContentType = "application/pdf", Size = stored.Size, ContentKey = stored.Key };
            db.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        }, b);
        await AuditPlanSeed.QuestionsAsync(portal, b, ("7.1", "Câu hỏi riêng của xã B?"));
        var questionB = await AuditPeople.ReadAsync(portal, b, db => db.Set<ChecklistQuestion>().Where(q => q.Clause == "7.1").Select(q => q.Id).SingleAsync());
        return new Setup(a, b, userA, auditA, auditB, answerB, fileB, questionB);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_member_of_commune_A_gets_404_for_commune_Bs_audit_ids_evidence_files_and_report_under_As_slug()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);

        foreach (var url in new[]
                 {
                     $"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}", $"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}/in",
                     $"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}/tep/{s.FileB}", $"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditA}/tep/{s.FileB}",
                 })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var overview = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia");
        Assert.DoesNotContain("bí mật của xã B", overview.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đánh giá của xã A", overview.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("riêng của xã B", (await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/cau-hoi")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("bí mật của xã B", (await Html.GetDocumentAsync(client, $"/{s.A.Slug}/danh-gia/chuong-trinh/2026")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_commune_A_cannot_act_on_commune_Bs_audit_answers_or_questions_through_As_pages()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);
        var ownAudit = $"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditA}";

        var cancel = await DocumentSeed.PostHandlerAsync(client, ownAudit, "Cancel", new() { ["Cancel.Reason"] = "Thử" });
        var cancelB = await client.PostAsync($"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}?handler=Cancel", await TokenFormAsync(client, ownAudit, ("Cancel.Reason", "Thử")));
        var answerB = await client.PostAsync($"{ownAudit}?handler=Answer&answer={s.AnswerB}", await TokenFormAsync(client, ownAudit, ("result", "Nonconform"), ("evidence", "Thử")));
        var signB = await client.PostAsync($"/{s.A.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}?handler=Sign", await TokenFormAsync(client, ownAudit, ("Sign.ClosingMeetingOn", "2026-11-24"), ("Sign.Conclusion", "Thử")));
        var retireB = await DocumentSeed.PostHandlerAsync(client, $"/{s.A.Slug}/danh-gia/cau-hoi", "Retire", new() { ["question"] = Id(s.QuestionB) });

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answerB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retireB.StatusCode);
        var b = await AuditPeople.ReadAsync(portal, s.B, db => db.Set<Audit>().Include(x => x.Answers).SingleAsync(x => x.Id == s.AuditB));
        Assert.Equal(AuditStatus.InProgress, b.Status);
        Assert.All(b.Answers, x => Assert.Equal(AnswerResult.Unanswered, x.Result));
        Assert.True(await AuditPeople.ReadAsync(portal, s.B, db => db.Set<ChecklistQuestion>().Where(q => q.Id == s.QuestionB).Select(q => q.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_member_of_commune_A_is_refused_commune_Bs_audit_pages_and_files_under_Bs_slug()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);

        foreach (var url in Pages(s.B, s.AuditB, s.FileB))
        {
            Assert.True(AuditPlanSeed.IsForbidden(await client.GetAsync(url)), url);
        }
    }

    [Fact]
    public async Task A_province_auditor_reads_the_audits_of_their_province_only()
    {
        var s = await SetupAsync();
        var ofB = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));
        var ofA = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42"));

        foreach (var url in Pages(s.B, s.AuditB, s.FileB))
        {
            Assert.True((await ofB.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
            Assert.True(AuditPlanSeed.IsForbidden(await ofA.GetAsync(url)), url);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ofB.GetAsync($"/{s.B.Slug}/danh-gia/cuoc-danh-gia/{s.AuditA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ofB.GetAsync($"/{s.B.Slug}/danh-gia/cuoc-danh-gia/{s.AuditA}/in")).StatusCode);
        var cancel = await DocumentSeed.PostHandlerAsync(ofB, $"/{s.B.Slug}/danh-gia/cuoc-danh-gia/{s.AuditB}", "Cancel", new() { ["Cancel.Reason"] = "Thử" });
        Assert.True(AuditPlanSeed.IsForbidden(cancel));
        Assert.Equal(AuditStatus.InProgress, await AuditPeople.ReadAsync(portal, s.B, db => db.Set<Audit>().Where(x => x.Id == s.AuditB).Select(x => x.Status).SingleAsync()));
    }

    private static string[] Pages(TenantInfo commune, int audit, int file) =>
    [
        $"/{commune.Slug}/danh-gia", $"/{commune.Slug}/danh-gia/chuong-trinh", $"/{commune.Slug}/danh-gia/chuong-trinh/2026", $"/{commune.Slug}/danh-gia/cau-hoi",
        $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{audit}", $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{audit}/in", $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{audit}/tep/{file}",
    ];

    private static async Task<FormUrlEncodedContent> TokenFormAsync(HttpClient client, string pageUrl, params (string Name, string Value)[] fields)
    {
        var page = await Html.GetDocumentAsync(client, pageUrl);
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value;
        return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__qms_af", token)));
    }
}
