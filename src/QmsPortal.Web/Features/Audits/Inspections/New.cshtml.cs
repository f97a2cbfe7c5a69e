using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Findings;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Inspections;

/// <summary>A province auditor of the commune's province (or a platform admin) records an inspection; its findings are added from its page.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class NewModel(QmsDbContext db, AuditDesk desk) : PageModel
{
    public const string DefaultUnit = "Sở Khoa học và Công nghệ";

    [BindProperty]
    public InspectionInput Input { get; set; } = new();

    public string Slug => desk.Slug;

    public sealed class InspectionInput
    {
        public DateOnly? InspectedOn { get; set; }
        public DateOnly? MinutesDate { get; set; }
        public string? Unit { get; set; } = DefaultUnit;
        public string? Inspectors { get; set; }
        public bool OnSite { get; set; } = true;
        public string? Summary { get; set; }

        /// <summary>The province's plan item this inspection carries out (from its "Ghi nhận kết quả kiểm tra" link).</summary>
        public int? PlanItemId { get; set; }
    }

    /// <summary>The plan's link names its item and its method (<c>tai-xa</c> or <c>qua-ho-so</c>), so the form starts as planned.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "keHoach")] int? planItem, [FromQuery(Name = "hinhThuc")] string? method)
    {
        if (!(await desk.RightsAsync()).Inspect)
        {
            return Forbid();
        }

        Input.PlanItemId = planItem > 0 ? planItem : null;
        Input.OnSite = method != "qua-ho-so";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await desk.RightsAsync()).Inspect)
        {
            return Forbid();
        }

        try
        {
            var inspectedOn = Input.InspectedOn ?? throw new DomainException("Chọn ngày kiểm tra.", nameof(InspectionInput.InspectedOn));
            var minutesDate = Input.MinutesDate ?? throw new DomainException("Chọn ngày ký biên bản kiểm tra.", nameof(InspectionInput.MinutesDate));
            if (Input.PlanItemId is { } planItem && await db.Set<ProvinceInspection>().AnyAsync(i => i.PlanItemId == planItem, cancellationToken))
            {
                throw new DomainException("Mục này của kế hoạch kiểm tra đã có kết quả kiểm tra được ghi nhận.", nameof(InspectionInput.InspectedOn));
            }

            var inspection = ProvinceInspection.Record(inspectedOn, minutesDate, Input.Unit, Input.Inspectors, Input.OnSite, Input.Summary, await desk.ActorAsync(),
                Input.PlanItemId > 0 ? Input.PlanItemId : null);
            db.Add(inspection);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã ghi nhận cuộc kiểm tra; báo cáo khắc phục của xã hạn {Text.VietnameseFormat.Date(inspection.ReportDueDate)}.";
            return Redirect($"/{Slug}/danh-gia/kiem-tra-cua-tinh/{inspection.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input." + (e.Field ?? nameof(InspectionInput.Summary)), e.Message);
            return Page();
        }
    }
}
