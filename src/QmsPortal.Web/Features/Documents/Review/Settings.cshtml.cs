using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Review;

/// <summary>
/// The commune administrator chooses whether every document is reviewed before approval. The choice applies to drafts
/// submitted from now on; a revision already submitted keeps the path it was submitted on.
/// </summary>
[Authorize(Policy = CommunePolicies.Manage)]
public sealed class SettingsModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty]
    public bool ReviewRequired { get; set; }

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Required.Id;
        ReviewRequired = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.DocumentReviewRequired).FirstAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Required.Id;
        var commune = await db.Tenants.FirstAsync(t => t.Id == tenantId, cancellationToken);
        commune.DocumentReviewRequired = ReviewRequired;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = ReviewRequired
            ? "Đã lưu: từ nay mỗi tài liệu trình duyệt phải qua người xem xét trước khi lãnh đạo phê duyệt."
            : "Đã lưu: người trình duyệt có thể trình thẳng lãnh đạo phê duyệt, bước xem xét không bắt buộc.";
        return Redirect($"/{Slug}/tai-lieu/cai-dat");
    }
}
