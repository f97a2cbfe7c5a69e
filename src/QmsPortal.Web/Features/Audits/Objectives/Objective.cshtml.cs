using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>One objective: its trend and values, the month's value typed by the secretary (objectives not measured at the desk), retirement.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ObjectiveModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty]
    public ValueInput Entry { get; set; } = new();

    public QualityObjective Objective { get; private set; } = null!;
    public ObjectiveTrend Trend { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Entry.Month = VietnameseFormat.Today(clock).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostValueAsync(int id, CancellationToken cancellationToken)
    {
        var objective = await db.Set<QualityObjective>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null)
        {
            return NotFound();
        }

        if (!await MayManageAsync())
        {
            return Forbid();
        }

        try
        {
            var month = DeskCsv.ParseMonth(Entry.Month) ?? throw new DomainException("Chọn tháng (ví dụ 2026-03).", "Month");
            if (month > VietnameseFormat.Today(clock))
            {
                throw new DomainException($"Tháng {ObjectiveFormat.Month(month)} chưa đến.", "Month");
            }

            if (objective.Measure != DeskMeasure.None)
            {
                throw new DomainException("Mục tiêu này lấy số liệu từ thống kê của Bộ phận Một cửa: hãy nhập tệp CSV thống kê.");
            }

            var value = ObjectiveFormat.Parse(Entry.Value) ?? throw new DomainException("Giá trị phải là một số, ví dụ 96 hoặc 96,5.", "Value");
            await db.Entry(objective).Collection(o => o.Values).Query().Where(v => v.Month == month).LoadAsync(cancellationToken);
            if (!objective.IsActive)
            {
                throw new DomainException("Mục tiêu đã ngừng theo dõi.");
            }

            objective.SetValue(month, value, ObjectiveValueSource.Typed);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã ghi giá trị tháng {ObjectiveFormat.Month(month)}: {ObjectiveFormat.Value(value, objective.Unit)}.";
            return Redirect($"/{Slug}/danh-gia/muc-tieu/{id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : "Entry." + e.Field, e.Message);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken)
    {
        var objective = await db.Set<QualityObjective>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null)
        {
            return NotFound();
        }

        if (!await MayManageAsync())
        {
            return Forbid();
        }

        objective.Retire();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Đã ngừng theo dõi mục tiêu \"{objective.Name}\"; số liệu đã ghi vẫn được giữ.";
        return Redirect($"/{Slug}/danh-gia/muc-tieu");
    }

    private async Task<bool> MayManageAsync() => (await access.RolesAsync()).Contains(CommuneRole.QualitySecretary);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var objective = await db.Set<QualityObjective>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null)
        {
            return false;
        }

        Objective = objective;
        CanManage = objective.IsActive && await MayManageAsync();
        var months = await ObjectiveWindow.MonthsAsync(db, Year, id, VietnameseFormat.Today(clock), cancellationToken);
        Years = await ObjectiveWindow.YearsAsync(db, id, cancellationToken);
        var (first, last) = (months[0], months[^1]);
        var values = await db.Set<ObjectiveValue>().AsNoTracking().Where(v => v.ObjectiveId == id && v.Month >= first && v.Month <= last)
            .Select(v => new { v.Month, v.Value, v.Source }).ToListAsync(cancellationToken);
        Trend = ObjectiveTrend.For(id, objective.Name, objective.Unit, objective.Target, objective.Direction, months,
            values.Select(v => (v.Month, v.Value, v.Source)).ToList());
        return true;
    }

    public sealed class ValueInput
    {
        [Display(Name = "Tháng")]
        public string? Month { get; set; }

        [Display(Name = "Giá trị")]
        public string? Value { get; set; }
    }
}
