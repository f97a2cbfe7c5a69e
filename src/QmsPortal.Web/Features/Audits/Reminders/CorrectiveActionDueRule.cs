using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// An open (planned or reopened) corrective action (ISO 9001 10.2) falls due: its owner acts, 7 working days before, on
/// the day, then weekly while overdue. A reopened action gets a new due date and so a new round of reminders.
/// </summary>
public sealed class CorrectiveActionDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [7];

    public string Key => "khac-phuc-den-han";

    public string Label => "Hành động khắc phục đến hạn";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var until = AuditReminders.Horizon(context, DaysBefore.Max());
        var actions = await context.Scope.Of<CorrectiveAction>(context.Db)
            .Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate <= until)
            .Join(context.Scope.Of<Finding>(context.Db), a => a.FindingId, f => f.Id, (a, f) => new { a.Id, a.TenantId, a.FindingId, f.Reference, a.Action, a.DueDate, a.OwnerId })
            .OrderBy(x => x.DueDate).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return actions.Select(a => new DueWork(Key, a.TenantId, $"ca:{a.Id}:{a.DueDate:yyyy-MM-dd}",
                $"Hành động khắc phục {a.Reference}: {AuditReminders.Short(a.Action)}", a.DueDate,
                $"danh-gia/phat-hien/{a.FindingId}#hanh-dong-{a.Id}", UserId: a.OwnerId))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
