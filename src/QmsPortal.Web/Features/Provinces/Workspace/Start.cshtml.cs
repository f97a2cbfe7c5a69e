using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Provinces.Workspace;

/// <summary>
/// Where the staff link "Giám sát tỉnh" points (one address for everyone, a page and never a redirect): a province auditor
/// finds the way to their province's workspace, a platform admin every province with its number of communes.
/// </summary>
[Authorize(Policy = PortalWebRegistration.CataloguePolicy)]
public sealed class StartModel(QmsDbContext db, ProvinceAccess access) : PageModel
{
    public sealed record ProvinceRow(string Code, string Name, int Communes);

    public IReadOnlyList<ProvinceRow> Provinces { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(PlatformRoles.PlatformAdmin);
        var own = IsAdmin ? null : await access.SupervisedProvinceAsync(cancellationToken);
        if (own is null && !IsAdmin)
        {
            return Forbid();
        }

        // Tenants carries no tenant filter: counting the active communes of each province is platform data.
        Provinces = await db.Provinces.AsNoTracking().Where(p => own == null || p.Code == own)
            .OrderBy(p => p.Name)
            .Select(p => new ProvinceRow(p.Code, p.Name, db.Tenants.Count(t => t.ProvinceCode == p.Code && t.Status == TenantStatus.Active)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
