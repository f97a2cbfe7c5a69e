using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Charts;

/// <summary>The province's pictures over its communes, and the way to each commune's own.</summary>
[Authorize]
public sealed class IndexModel(QmsDbContext db, ProvinceAccess access, ProvinceCharts charts) : PageModel
{
    public OverseenProvince Province { get; private set; } = null!;
    public ChartSet Charts { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Name)> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        Province = province;
        Charts = await charts.ForProvinceAsync(province, cancellationToken);
        Communes = (await db.Tenants.AsNoTracking().Where(t => t.ProvinceCode == province.Code && t.Status == TenantStatus.Active)
                .Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).Select(t => (t.Slug, t.Name)).ToList();
        return Page();
    }
}
