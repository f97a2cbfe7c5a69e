using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>
/// The inputs of a management review gathered for a period (anyone who reads the commune's records may look), and the
/// opening of its record: the chair is an Approver of the commune and the inputs are frozen as they are now.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class NewModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tu")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den")]
    public DateOnly? To { get; set; }

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public ReviewInputs? Inputs { get; private set; }
    public IReadOnlyList<CommuneMember> Approvers { get; private set; } = [];
    public bool CanOpen { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = VietnameseFormat.Today(clock);
        var (from, to) = await DefaultPeriodAsync(today, cancellationToken);
        From ??= from;
        To ??= to;
        Input.HeldOn = today;
        await LoadAsync(From.Value, To.Value, "tu", cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await MayOpenAsync())
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var chair = await ReviewPeople.MemberAsync(db, tenant.Required.Id, Input.ChairId, cancellationToken);
                var today = VietnameseFormat.Today(clock);
                var from = Input.PeriodFrom!.Value;
                var to = Input.PeriodTo!.Value;
                var snapshot = from <= to ? (await ReviewInputs.GatherAsync(db, from, to, today, cancellationToken)).ToJson() : "";
                var review = ManagementReview.Open(Input.HeldOn!.Value, from, to, chair?.Person, chair?.IsApprover ?? false, Input.Participants, snapshot);
                db.Add(review);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = $"Đã mở biên bản xem xét của lãnh đạo ngày {VietnameseFormat.Date(review.HeldOn)}; số liệu đầu vào được lưu như tại ngày {VietnameseFormat.Date(today)}.";
                return Redirect($"/{Slug}/danh-gia/xem-xet-lanh-dao/{review.Id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Input." + (e.Field ?? "ChairId"), e.Message);
            }
        }

        From = Input.PeriodFrom;
        To = Input.PeriodTo;
        await LoadAsync(From, To, "Input.PeriodFrom", cancellationToken);
        return Page();
    }

    private async Task<bool> MayOpenAsync() => (await access.RolesAsync()).Overlaps([CommuneRole.QualitySecretary, CommuneRole.Approver]);

    /// <summary>From the day after the last review's period (or twelve months back) to the end of last month.</summary>
    private async Task<(DateOnly From, DateOnly To)> DefaultPeriodAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var to = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var last = await db.Set<ManagementReview>().AsNoTracking().Where(r => r.Status == ReviewStatus.Closed)
            .OrderByDescending(r => r.PeriodTo).Select(r => (DateOnly?)r.PeriodTo).FirstOrDefaultAsync(cancellationToken);
        var from = last is { } l && l < to ? l.AddDays(1) : new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        return (from, to);
    }

    private async Task LoadAsync(DateOnly? from, DateOnly? to, string periodField, CancellationToken cancellationToken)
    {
        CanOpen = await MayOpenAsync();
        Approvers = (await ReviewPeople.MembersAsync(db, tenant.Required.Id, cancellationToken)).Where(m => m.IsApprover).ToList();
        Input.PeriodFrom = from;
        Input.PeriodTo = to;
        if (from is null || to is null)
        {
            return;
        }

        if (from > to)
        {
            if (ModelState.GetFieldValidationState(periodField) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(periodField, "Ngày bắt đầu kỳ xem xét phải trước ngày kết thúc.");
            }

            return;
        }

        Inputs = await ReviewInputs.GatherAsync(db, from.Value, to.Value, VietnameseFormat.Today(clock), cancellationToken);
    }

    public sealed class OpenInput
    {
        [Required(ErrorMessage = "Vui lòng chọn ngày họp.")]
        [Display(Name = "Ngày họp")]
        public DateOnly? HeldOn { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn ngày bắt đầu kỳ xem xét.")]
        public DateOnly? PeriodFrom { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn ngày kết thúc kỳ xem xét.")]
        public DateOnly? PeriodTo { get; set; }

        [Display(Name = "Người chủ trì (lãnh đạo có vai trò phê duyệt)")]
        public string? ChairId { get; set; }

        [MaxLength(ManagementReview.TextMaxLength, ErrorMessage = "Thành phần tham dự dài tối đa 8000 ký tự.")]
        [Display(Name = "Thành phần tham dự")]
        public string? Participants { get; set; }
    }
}
