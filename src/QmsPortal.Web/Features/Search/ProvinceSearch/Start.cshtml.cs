using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Search.ProvinceSearch;

/// <summary>
/// Where the staff link "Tìm kiếm trong tỉnh" points (one address for everyone): a province auditor goes on to their
/// province's search, a platform admin picks a province.
/// </summary>
[Authorize(Policy = PortalWebRegistration.CataloguePolicy)]
public sealed class StartModel(QmsDbContext db, SearchScopes scopes) : PageModel
{
    public sealed record ProvinceRow(string Code, string Name);

    public IReadOnlyList<ProvinceRow> Provinces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A province auditor sees their own province only (a page, not a redirect: a navigation link opens a page).
        var own = User.IsInRole(PlatformRoles.PlatformAdmin) ? null : await scopes.SupervisedProvinceAsync();
        if (own is null && !User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            return Forbid();
        }

        Provinces = await db.Provinces.AsNoTracking().Where(p => own == null || p.Code == own)
            .OrderBy(p => p.Name).Select(p => new ProvinceRow(p.Code, p.Name)).ToListAsync(cancellationToken);
        return Page();
    }
}
