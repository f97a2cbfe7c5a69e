using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>The province catalogue a page works on and whether its reader may change it.</summary>
public sealed record CatalogueProvince(string Code, string Name, bool CanEdit);

/// <summary>The answer of <see cref="CatalogueAccess.OpenAsync"/>: the province, or the refusal a page returns.</summary>
public sealed record CatalogueOpening(CatalogueProvince? Province, int Refusal)
{
    public IActionResult? Refuse(PageModel page) => Refusal switch
    {
        StatusCodes.Status404NotFound => page.NotFound(),
        StatusCodes.Status403Forbidden => page.Forbid(),
        _ => null,
    };
}

/// <summary>
/// Who may do what with a province's TTHC catalogue: a platform admin anything anywhere; the ProvinceEditor of the
/// province reads and changes it; a ProvinceAuditor of the province reads and exports it. The assignments are read
/// from the database on each request (not from the sign-in cookie), so a revoked editor is refused at once.
/// </summary>
public sealed class CatalogueAccess(IHttpContextAccessor http, QmsDbContext db)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>Opens <paramref name="provinceCode"/> (null: the reader's own province); unknown → 404, not theirs → 403.</summary>
    public async Task<CatalogueOpening> OpenAsync(string? provinceCode, bool toChange, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return new CatalogueOpening(null, StatusCodes.Status403Forbidden);
        }

        var admin = User.IsInRole(PlatformRoles.PlatformAdmin);
        string? supervised = null, edited = null;
        if (!admin)
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var assignment = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SupervisedProvinceCode, u.EditedProvinceCode }).FirstOrDefaultAsync(cancellationToken);
            supervised = User.IsInRole(PlatformRoles.ProvinceAuditor) ? assignment?.SupervisedProvinceCode : null;
            edited = User.IsInRole(PlatformRoles.ProvinceEditor) ? assignment?.EditedProvinceCode : null;
        }

        provinceCode ??= admin
            ? await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken)
            : edited ?? supervised;
        if (provinceCode is null)
        {
            return new CatalogueOpening(null, StatusCodes.Status403Forbidden);
        }

        var name = await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return new CatalogueOpening(null, StatusCodes.Status404NotFound);
        }

        var canEdit = admin || edited == provinceCode;
        var canRead = canEdit || supervised == provinceCode;
        return !canRead || (toChange && !canEdit)
            ? new CatalogueOpening(null, StatusCodes.Status403Forbidden)
            : new CatalogueOpening(new CatalogueProvince(provinceCode, name, canEdit), 0);
    }
}
