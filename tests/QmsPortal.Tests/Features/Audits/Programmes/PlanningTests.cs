using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>Planning an audit (/{slug}/danh-gia/chuong-trinh/{year}/ke-hoach): scope, lead and team, and the independence rule.</summary>
public sealed class PlanningTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo Commune, string Secretary, string Approver, string Auditor, string Colleague, string Staff, string Tthc, string Url);

    /// <summary>
    /// QT-05 (the work procedure of a posted TTHC) written by the secretary and issued by a chair who also audits;
    /// QT-09 written by the secretary too; two independent internal auditors.
    /// </summary>
    private async Task<Setup> SetupAsync()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Trần Thư Ký");
        var approver = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver), (commune, CommuneRole.InternalAuditor)], fullName: "Phạm Chủ Tịch");
        var auditor = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Lê Đánh Giá");
        var colleague = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Hoàng Thành Viên");
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Đỗ Cán Bộ");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code, "Đăng ký khai sinh thử"));
        await portal.PostAsync(commune, true, code);
        await DocumentSeed.CreateAsync(portal, commune, "QT-05", RevisionStatus.Issued, secretary, approver, tthc: code);
        await DocumentSeed.CreateAsync(portal, commune, "QT-09", RevisionStatus.Issued, secretary, approver, kind: DocumentKind.SystemProcedure, tthc: null);
        await AuditPlanSeed.ProgrammeAsync(portal, commune);
        return new Setup(commune, secretary, approver, auditor, colleague, staff, code, $"/{commune.Slug}/danh-gia/chuong-trinh/2026/ke-hoach");
    }

    private static IEnumerable<(string, string)> Plan(string? leadId, IEnumerable<string>? team = null, IEnumerable<string>? documents = null, IEnumerable<string>? tthc = null,
        IEnumerable<string>? clauses = null, string month = "11", string title = "Đánh giá quy trình hộ tịch")
    {
        yield return ("Input.Month", month);
        yield return ("Input.Title", title);
        yield return ("Input.LeadAuditorId", leadId ?? "");
        foreach (var id in team ?? [])
        {
            yield return ("Input.TeamIds", id);
        }

        foreach (var code in documents ?? [])
        {
            yield return ("Input.DocumentCodes", code);
        }

        foreach (var code in tthc ?? [])
        {
            yield return ("Input.TthcCodes", code);
        }

        foreach (var clause in clauses ?? ["7", "8.5.3"])
        {
            yield return ("Input.Clauses", clause);
        }
    }

    private Task<int> AuditCountAsync(TenantInfo commune) => AuditPeople.ReadAsync(portal, commune, db => db.Set<Audit>().CountAsync());

    [Fact]
    public async Task An_audit_is_planned_with_its_scope_lead_and_team_chosen_among_the_communes_auditors()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.Secretary);
        var form = await Html.GetDocumentAsync(client, s.Url);
        var lead = await AuditPeople.UserIdAsync(portal, s.Auditor);
        var member = await AuditPeople.UserIdAsync(portal, s.Colleague);

        var response = await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(lead, [member], ["QT-05"], [s.Tthc]));

        Assert.Equal(["QT-05", "QT-09"], form.QuerySelectorAll("input[name='Input.DocumentCodes']").Select(i => i.GetAttribute("value")!));
        Assert.Equal([s.Tthc], form.QuerySelectorAll("input[name='Input.TthcCodes']").Select(i => i.GetAttribute("value")!));
        var candidates = form.QuerySelectorAll("select[name='Input.LeadAuditorId'] option").Select(o => o.TextContent).ToList();
        Assert.Contains(candidates, c => c.StartsWith("Lê Đánh Giá", StringComparison.Ordinal));
        Assert.Contains(candidates, c => c.StartsWith("Trần Thư Ký", StringComparison.Ordinal));
        Assert.DoesNotContain(candidates, c => c.StartsWith("Đỗ Cán Bộ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await AuditPeople.ReadAsync(portal, s.Commune, db => db.Set<Audit>().SingleAsync());
        Assert.Equal($"/{s.Commune.Slug}/danh-gia/cuoc-danh-gia/{audit.Id}", response.Headers.Location!.ToString());
        Assert.Equal((11, "QT-05", s.Tthc, "7 8.5.3", lead, AuditStatus.Planned), (audit.Month, audit.ScopeDocuments, audit.ScopeTthc, audit.ScopeClauses, audit.LeadAuditorId, audit.Status));
        Assert.Equal([member], audit.TeamMembers.Select(p => p.UserId));
        var page = await Html.GetDocumentAsync(client, response.Headers.Location!.ToString());
        Assert.Contains("QT-05 — Quy trình QT-05", page.QuerySelector("#pham-vi-tai-lieu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{s.Tthc} — Đăng ký khai sinh thử", page.QuerySelector("#pham-vi-tthc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("8.5.3 Tài sản của khách hàng", page.QuerySelector("#pham-vi-dieu-khoan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hoàng Thành Viên", page.QuerySelector("#thanh-vien")!.TextContent.Trim());
    }

    [Fact]
    public async Task Planning_without_a_clause_is_refused_beside_the_clauses_and_nothing_is_written()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.Auditor);

        var response = await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(await AuditPeople.UserIdAsync(portal, s.Auditor), documents: ["QT-09"], clauses: []));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Chọn ít nhất một điều khoản của TCVN ISO 9001:2015 trong phạm vi đánh giá.", Html.FieldError(page, "Input.Clauses"));
        Assert.NotNull(page.QuerySelector("input[name='Input.DocumentCodes'][value='QT-09'][checked]"));
        Assert.Equal(0, await AuditCountAsync(s.Commune));
    }

    [Fact]
    public async Task An_auditor_who_wrote_a_document_in_scope_is_refused_beside_the_team_and_nothing_is_written()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.Auditor);
        var lead = await AuditPeople.UserIdAsync(portal, s.Auditor);

        var page = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url,
            Plan(lead, [await AuditPeople.UserIdAsync(portal, s.Secretary)], documents: ["QT-09"])));

        var error = Html.FieldError(page, "Input.TeamIds");
        Assert.NotNull(error);
        Assert.StartsWith("Trần Thư Ký phụ trách công việc trong phạm vi đánh giá", error, StringComparison.Ordinal);
        Assert.Contains("không được đánh giá công việc của chính mình", error, StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync(s.Commune));
    }

    [Fact]
    public async Task A_TTHC_code_in_scope_brings_in_its_work_procedure_so_the_chair_who_issued_it_cannot_lead_but_may_audit_other_work()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.Auditor);
        var chair = await AuditPeople.UserIdAsync(portal, s.Approver);

        var refused = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(chair, tthc: [s.Tthc], clauses: ["8"])));
        var countAfterRefusal = await AuditCountAsync(s.Commune);
        var allowed = await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(chair, clauses: ["9.1.2"], title: "Đánh giá khảo sát sự hài lòng"));

        Assert.StartsWith("Phạm Chủ Tịch phụ trách công việc trong phạm vi đánh giá", Html.FieldError(refused, "Input.TeamIds"), StringComparison.Ordinal);
        Assert.Equal(0, countAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(1, await AuditCountAsync(s.Commune));
    }

    [Fact]
    public async Task A_lead_without_an_auditor_role_a_code_the_commune_has_not_issued_and_a_month_out_of_range_are_refused_beside_their_fields()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.Secretary);
        var auditor = await AuditPeople.UserIdAsync(portal, s.Auditor);

        var staffLead = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(await AuditPeople.UserIdAsync(portal, s.Staff), documents: ["QT-09"])));
        var staffMember = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(auditor, [await AuditPeople.UserIdAsync(portal, s.Staff)])));
        var unknown = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(auditor, documents: ["QT-99/KHAC"])));
        var month = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(auditor, month: "13")));
        var title = await Html.ParseAsync(await AuditPlanSeed.PostPairsAsync(client, s.Url, Plan(auditor, title: " ")));

        Assert.Equal("Chọn trưởng đoàn trong số chuyên gia đánh giá nội bộ hoặc thư ký ISO của xã.", Html.FieldError(staffLead, "Input.LeadAuditorId"));
        Assert.Equal("Thành viên đoàn phải là chuyên gia đánh giá nội bộ hoặc thư ký ISO của xã.", Html.FieldError(staffMember, "Input.TeamIds"));
        Assert.Equal("Tài liệu QT-99/KHAC không có trong các tài liệu đang hiệu lực của xã.", Html.FieldError(unknown, "Input.DocumentCodes"));
        Assert.Equal("Tháng đánh giá từ 1 đến 12.", Html.FieldError(month, "Input.Month"));
        Assert.Equal("Vui lòng nhập tên cuộc đánh giá.", Html.FieldError(title, "Input.Title"));
        Assert.Equal(0, await AuditCountAsync(s.Commune));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{s.Commune.Slug}/danh-gia/chuong-trinh/2031/ke-hoach")).StatusCode);
    }
}
