using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// A planned internal audit (ISO 9001 9.2) not reported by the end of its month: its lead auditor acts, 20 and 5
/// working days before the month ends, on the day, then weekly while overdue. A cancelled audit is not due.
/// </summary>
public sealed class PlannedAuditDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [20, 5];

    public string Key => "danh-gia-noi-bo-ke-hoach";

    public string Label => "Cuộc đánh giá nội bộ theo kế hoạch";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        // Due on the last day of its month: on or before `until` exactly when its month comes before the month of the day
        // after `until` (months counted as year × 12 + month, so the index on Year, Month serves).
        var next = AuditReminders.Horizon(context, DaysBefore.Max()).AddDays(1);
        var before = next.Year * 12 + next.Month;
        var audits = await context.Scope.Of<Audit>(context.Db)
            .Where(a => (a.Status == AuditStatus.Planned || a.Status == AuditStatus.InProgress) && a.Year * 12 + a.Month < before)
            .OrderBy(a => a.Year).ThenBy(a => a.Month).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TenantId, a.Title, a.Year, a.Month, a.LeadAuditorId })
            .ToListAsync(cancellationToken);
        return audits.Select(a => new DueWork(Key, a.TenantId, $"audit:{a.Id}:{a.Year}-{a.Month:00}",
                $"Cuộc đánh giá nội bộ tháng {a.Month}/{a.Year}: {AuditReminders.Short(a.Title)}", new DateOnly(a.Year, a.Month, 1).AddMonths(1).AddDays(-1),
                $"danh-gia/cuoc-danh-gia/{a.Id}", UserId: a.LeadAuditorId))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
