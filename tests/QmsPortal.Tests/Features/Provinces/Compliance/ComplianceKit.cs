using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Provinces.Compliance;

/// <summary>Records of a commune as the compliance table reads them, and the loader run as a page runs it.</summary>
internal static class ComplianceKit
{
    public static Task<IReadOnlyList<ComplianceRow>> LoadAsync(this PortalFactory portal, string provinceCode, DateOnly? asOf = null) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<ProvinceCompliance>().LoadAsync(provinceCode, asOf ?? portal.Today()));

    public static Task<ComplianceRow?> LoadCommuneAsync(this PortalFactory portal, TenantInfo commune, DateOnly? asOf = null) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<ProvinceCompliance>().LoadCommuneAsync(commune.Id, asOf ?? portal.Today()));

    /// <summary>A signed internal audit (or closed management review) as the audit records write it: a milestone with the record's page.</summary>
    public static Task MilestoneAsync(this PortalFactory portal, TenantInfo commune, IsoMilestoneKind kind, DateOnly date, string recordPath) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(IsoMilestone.FromRecord(kind, date, "Báo cáo đánh giá " + recordPath, recordPath));
            await db.SaveChangesAsync();
        }, commune);

    /// <summary>An overdue corrective action: planned 20 days ago, due 5 days ago, still open.</summary>
    public static async Task<int> OverdueActionAsync(this PortalFactory portal, AuditOffice office)
    {
        var finding = await portal.FindingAsync(office, reference: $"PH-2026-{PortalFactory.Next():000}");
        var today = portal.Today();
        return await portal.ActionAsync(office, finding, office.Staff, today.AddDays(-5), plannedOn: today.AddDays(-20));
    }

    /// <summary>Two posted TTHC, one of them without the internal work procedure its ISO scope needs: 50 % complete.</summary>
    public static async Task HalfCompletePostingsAsync(this PortalFactory portal, TenantInfo commune)
    {
        var complete = TthcBuilder.NextCode();
        var incomplete = TthcBuilder.NextCode();
        await portal.ImportAsync(commune.ProvinceCode, TthcBuilder.Procedure(complete), TthcBuilder.Procedure(incomplete));
        await portal.PostAsync(commune, true, complete, incomplete);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var posting = await db.Set<TthcPosting>().SingleAsync(p => p.Code == incomplete);
            posting.WorkProcedureCode = null;
            await db.SaveChangesAsync();
        }, commune);
    }
}
