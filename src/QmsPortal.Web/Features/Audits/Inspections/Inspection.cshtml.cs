using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Findings;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Inspections;

/// <summary>
/// One province inspection: its record, its findings (added by the province auditor, or transcribed by the commune's auditors), and the
/// commune's corrective report, due two months after the minutes, recorded by the quality secretary.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class InspectionModel(QmsDbContext db, AuditDesk desk, TenantContext tenant) : PageModel
{
    [BindProperty]
    public ReportInput Report { get; set; } = new();

    public ProvinceInspection I { get; private set; } = null!;
    public IReadOnlyList<FindingRow> Findings { get; private set; } = [];
    public FindingRights Rights { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string Slug => desk.Slug;
    public string ProvinceCode => tenant.Required.ProvinceCode;

    public bool IsOverdue => I.ReportSubmittedOn is null && I.ReportDueDate < Today;

    public sealed record FindingRow(int Id, string Reference, FindingGrade Grade, string Clause, string Description, FindingStatus Status);

    public sealed class ReportInput
    {
        public DateOnly? SubmittedOn { get; set; }
        public string? Reference { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await desk.RightsAsync()).Manage)
        {
            return Forbid();
        }

        var inspection = await db.Set<ProvinceInspection>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null)
        {
            return NotFound();
        }

        try
        {
            var on = Report.SubmittedOn ?? throw new DomainException("Chọn ngày gửi báo cáo.", "ReportSubmittedOn");
            inspection.SubmitReport(on, Report.Reference);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Đã ghi nhận báo cáo khắc phục gửi tỉnh.";
            return Redirect($"/{Slug}/danh-gia/kiem-tra-cua-tinh/{id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field == "ReportReference" ? "Report.Reference" : e.Field == "ReportSubmittedOn" ? "Report.SubmittedOn" : "Report", e.Message);
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var inspection = await db.Set<ProvinceInspection>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null)
        {
            return false;
        }

        I = inspection;
        Today = desk.Today;
        Rights = await desk.RightsAsync();
        Findings = await db.Set<Finding>().AsNoTracking().Where(f => f.InspectionId == id).OrderBy(f => f.Id)
            .Select(f => new FindingRow(f.Id, f.Reference, f.Grade, f.Clause, f.Description, f.Status)).ToListAsync(cancellationToken);
        return true;
    }
}
