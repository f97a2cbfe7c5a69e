using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>Stable link by document code for other features: <c>/{slug}/tai-lieu/theo-ma?code=QT-02%2FCX-HCTP</c>.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ByCodeModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? code)
    {
        var wanted = VietnameseText.Normalize(code).Trim().ToUpperInvariant();
        var id = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Code == wanted).Select(d => (int?)d.Id).FirstOrDefaultAsync();
        return id is null ? NotFound() : Redirect($"/{tenant.Required.Slug}/tai-lieu/{id}");
    }
}
