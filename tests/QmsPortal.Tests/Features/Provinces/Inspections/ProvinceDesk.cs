using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Provinces.Inspections;

/// <summary>A province of the test's own (no other test class of the same factory uses its code), its communes and its auditor.</summary>
internal sealed record ProvinceDesk(string Code, IReadOnlyList<TenantInfo> Communes, string Auditor)
{
    public string Plan => $"/tinh/{Code}/ke-hoach-kiem-tra";
    public string Report => $"/tinh/{Code}/bao-cao-nam";
    public string Charts => $"/tinh/{Code}/bieu-do";
}

internal static class ProvinceDesks
{
    public static async Task<ProvinceDesk> ProvinceAsync(this PortalFactory portal, string code, int communes)
    {
        var list = new List<TenantInfo>();
        for (var i = 0; i < communes; i++)
        {
            list.Add(await portal.CreateCommuneAsync(provinceCode: code));
        }

        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: code, fullName: "Hoàng Kiểm Tra");
        return new ProvinceDesk(code, list, auditor);
    }

    /// <summary>The plan form's fields for the given communes (method <c>tai-xa</c>/<c>qua-ho-so</c>/empty, month), by the row each commune has.</summary>
    public static Dictionary<string, string> PlanFields(IDocument page, params (int TenantId, string Method, string Month)[] lines)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (tenantId, method, month) in lines)
        {
            var index = LineIndex(page, tenantId);
            fields[$"Lines[{index}].Method"] = method;
            fields[$"Lines[{index}].Month"] = month;
        }

        return fields;
    }

    public static int LineIndex(IDocument page, int tenantId)
    {
        var name = page.QuerySelector($"#ke-hoach tr[data-tenant='{tenantId}'] input[type=hidden][name$='.TenantId']")!.GetAttribute("name")!;
        return int.Parse(name["Lines[".Length..name.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<T> PlatformReadAsync<T>(this PortalFactory portal, Func<QmsDbContext, Task<T>> read) =>
        portal.InScopeAsync(sp => read(sp.GetRequiredService<QmsDbContext>()));

    public static Task<int> PlanItemsAsync(this PortalFactory portal, string provinceCode) =>
        portal.PlatformReadAsync(db => db.Set<QmsPortal.Web.Features.Provinces.Inspections.InspectionPlanItem>()
            .Join(db.Set<QmsPortal.Web.Features.Provinces.Inspections.InspectionPlan>().Where(p => p.ProvinceCode == provinceCode), i => i.PlanId, p => p.Id, (i, p) => i).CountAsync());
}
