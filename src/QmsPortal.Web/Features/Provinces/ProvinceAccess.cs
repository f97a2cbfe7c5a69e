using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Provinces;

/// <summary>The province a page under <c>/tinh/{provinceCode}</c> works on, once its reader is known to oversee it.</summary>
public sealed record OverseenProvince(string Code, string Name);

public enum ProvinceRefusal
{
    None,
    NotFound,
    Forbidden,
}

/// <summary>
/// Who may open a province's workspace: a platform admin (any province) or a province auditor of that very province.
/// Read from the database on each request, like commune memberships, so a changed assignment applies at once.
/// </summary>
public sealed class ProvinceAccess(IHttpContextAccessor http, QmsDbContext db)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public async Task<(OverseenProvince? Province, ProvinceRefusal Refusal)> OpenAsync(string? provinceCode, CancellationToken cancellationToken = default)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return (null, ProvinceRefusal.Forbidden);
        }

        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode)
            .Select(p => new OverseenProvince(p.Code, p.Name)).FirstOrDefaultAsync(cancellationToken);
        if (province is null)
        {
            return (null, ProvinceRefusal.NotFound);
        }

        return await OverseesAsync(province.Code, cancellationToken) ? (province, ProvinceRefusal.None) : (null, ProvinceRefusal.Forbidden);
    }

    public async Task<bool> OverseesAsync(string provinceCode, CancellationToken cancellationToken = default)
    {
        if (User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            return true;
        }

        return User.IsInRole(PlatformRoles.ProvinceAuditor) && await SupervisedProvinceAsync(cancellationToken) == provinceCode;
    }

    /// <summary>The province a province auditor supervises (their way in from the navigation); null for anyone else.</summary>
    public async Task<string?> SupervisedProvinceAsync(CancellationToken cancellationToken = default)
    {
        if (!User.IsInRole(PlatformRoles.ProvinceAuditor))
        {
            return null;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SupervisedProvinceCode).FirstOrDefaultAsync(cancellationToken);
    }
}

public static class ProvinceRefusals
{
    /// <summary>The answer to a refusal: 404 for a province that does not exist, 403 for one the reader does not oversee.</summary>
    public static IActionResult Refuse(this PageModel page, ProvinceRefusal refusal) =>
        refusal == ProvinceRefusal.NotFound ? page.NotFound() : page.Forbid();
}
