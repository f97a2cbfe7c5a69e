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
        if (!User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            return await scopes.SupervisedProvinceAsync() is { } code ? Redirect($"{Request.PathBase}/tinh/{code}/tim-kiem") : Forbid();
        }

        Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProvinceRow(p.Code, p.Name)).ToListAsync(cancellationToken);
        return Page();
    }
}
