using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>A new quality objective: indicator, unit, target and direction; measured by hand or from the desk's statistics.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class NewModel(QmsDbContext db, TenantContext tenant, CommuneAccess access) : PageModel
{
    [BindProperty]
    public ObjectiveInput Input { get; set; } = new();

    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync() => await MayManageAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await MayManageAsync())
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var target = ObjectiveFormat.Parse(Input.Target) ?? throw new DomainException("Chỉ tiêu phải là một số, ví dụ 95 hoặc 97,5.", "Target");
                var objective = QualityObjective.Create(Input.Name, Input.Indicator, Input.Unit, target, Input.Direction, Input.Measure);
                db.Add(objective);
                var filled = await DeskImport.FillAsync(db, objective, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = filled > 0
                    ? $"Đã thêm mục tiêu \"{objective.Name}\" với {filled} tháng số liệu lấy từ thống kê Bộ phận Một cửa."
                    : $"Đã thêm mục tiêu \"{objective.Name}\".";
                return Redirect($"/{Slug}/danh-gia/muc-tieu/{objective.Id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Input." + (e.Field ?? "Name"), e.Message);
            }
        }

        return Page();
    }

    private async Task<bool> MayManageAsync() => (await access.RolesAsync()).Contains(CommuneRole.QualitySecretary);

    public sealed class ObjectiveInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên mục tiêu.")]
        [Display(Name = "Tên mục tiêu")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập chỉ số đo.")]
        [Display(Name = "Chỉ số đo (ví dụ: tỷ lệ hồ sơ giải quyết đúng hạn)")]
        public string? Indicator { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập đơn vị tính.")]
        [Display(Name = "Đơn vị tính (%, phiếu, hồ sơ…)")]
        public string? Unit { get; set; } = "%";

        [Required(ErrorMessage = "Vui lòng nhập chỉ tiêu.")]
        [Display(Name = "Chỉ tiêu")]
        public string? Target { get; set; }

        [Display(Name = "Hướng đạt")]
        public ObjectiveDirection Direction { get; set; }

        [Display(Name = "Nguồn số liệu")]
        public DeskMeasure Measure { get; set; }
    }
}
