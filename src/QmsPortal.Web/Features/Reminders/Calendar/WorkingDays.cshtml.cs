using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// "Lịch làm việc": the PlatformAdmin sees a year's public holidays and make-up working days and adds or removes one
/// when the government announces the year's bridge days, under the rules of the recipe step; reminders count from it.
/// </summary>
[Authorize(Policy = PortalWebRegistration.PlatformAdminPolicy)]
public sealed class WorkingDaysModel(QmsDbContext db, WorkingCalendarStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty]
    public DayInput Day { get; set; } = new();

    public int ShownYear { get; private set; }
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public IReadOnlyList<int> YearsWithDays { get; private set; } = [];

    public sealed class DayInput
    {
        [Display(Name = "Ngày")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Loại ngày")]
        public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;

        [Display(Name = "Tên")]
        public string? Name { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Year is { } year && CalendarDayRules.CheckYear(year) is not null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Day.Date is not { } date)
        {
            ModelState.AddModelError("Day.Date", "Chọn ngày (dd/MM/yyyy).");
        }
        else if (CalendarDayRules.CheckYear(date.Year) is { } badYear)
        {
            ModelState.AddModelError("Day.Date", badYear);
        }
        else if (Day.Kind == CalendarDayKind.MakeUpWorkingDay && CalendarDayRules.CheckMakeUpDay(date) is { } weekday)
        {
            ModelState.AddModelError("Day.Date", weekday);
        }
        else if (await db.Set<CalendarDay>().AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, cancellationToken) is { } existing)
        {
            ModelState.AddModelError("Day.Date", existing.Kind == Day.Kind
                ? $"Ngày {VietnameseFormat.Date(date)} đã có trong lịch (\"{existing.Name}\"): xóa ngày đó trước nếu muốn khai lại."
                : CalendarDayRules.Both(date) + " Xóa ngày đã có trước nếu muốn đổi loại.");
        }

        if (CalendarDayRules.CheckName(Day.Name, Day.Kind) is { } badName)
        {
            ModelState.AddModelError("Day.Name", badName);
        }

        if (!Enum.IsDefined(Day.Kind))
        {
            ModelState.AddModelError("Day.Kind", "Chọn loại ngày: ngày nghỉ hoặc ngày làm bù.");
        }

        if (!ModelState.IsValid)
        {
            Year ??= Day.Date?.Year;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var day = Day.Date!.Value;
        db.Add(new CalendarDay { Date = day, Kind = Day.Kind, Name = CalendarDayRules.StoredName(Day.Name, Day.Kind) });
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        TempData["Message"] = $"Đã thêm {KindLabel(Day.Kind).ToLowerInvariant()} {VietnameseFormat.Date(day)} ({CalendarDayRules.Weekday(day)}).";
        return Redirect($"/admin/lich-lam-viec?nam={day.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var removed = await db.Set<CalendarDay>().Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken);
        store.Invalidate();
        TempData["Message"] = removed > 0
            ? $"Đã xóa ngày {VietnameseFormat.Date(date)} khỏi lịch làm việc."
            : $"Ngày {VietnameseFormat.Date(date)} không có trong lịch (có thể đã được xóa).";
        return Redirect($"/admin/lich-lam-viec?nam={date.Year}");
    }

    public static string KindLabel(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "Ngày nghỉ" : "Ngày làm bù";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ShownYear = Year ?? VietnameseFormat.Today(clock).Year;
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        Days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        // A few hundred rows at most (about 15 a year): the distinct years are read in memory, the same on both engines.
        YearsWithDays = (await db.Set<CalendarDay>().AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken))
            .Select(d => d.Year).Distinct().Order().ToList();
    }
}
