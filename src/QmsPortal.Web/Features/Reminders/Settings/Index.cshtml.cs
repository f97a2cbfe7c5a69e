using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Reminders.Settings;

/// <summary>
/// The commune administrator sets after how many working days overdue a reminder goes to the approvers as well
/// (escalation); the recipe step commune-settings sets the same value (<c>escalationWorkingDays</c>).
/// </summary>
[Authorize(Policy = CommunePolicies.Manage)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty]
    [Display(Name = "Số ngày làm việc quá hạn trước khi báo lãnh đạo")]
    public int? EscalationWorkingDays { get; set; }

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Required.Id;
        EscalationWorkingDays = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.EscalationWorkingDays).FirstAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The binder's own message for "abc" is replaced: one message names the field and the range, whatever was typed.
        ModelState.Remove(nameof(EscalationWorkingDays));
        if (EscalationWorkingDays is not { } days || Tenant.CheckEscalationWorkingDays(days) is not null)
        {
            ModelState.AddModelError(nameof(EscalationWorkingDays), Tenant.EscalationWorkingDaysRange);
            return Page();
        }

        var tenantId = tenant.Required.Id;
        var commune = await db.Tenants.FirstAsync(t => t.Id == tenantId, cancellationToken);
        commune.EscalationWorkingDays = days;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Đã lưu: việc quá hạn {days} ngày làm việc sẽ được báo thêm cho lãnh đạo phê duyệt.";
        return Redirect($"/{Slug}/nhac-viec/cai-dat");
    }
}
