using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// A corrective action reported done whose effectiveness check is due (completion + its waiting days): the quality
/// secretary checks it against the success criteria, 7 working days before, on the day, then weekly while overdue.
/// </summary>
public sealed class EffectivenessCheckDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [7];

    public string Key => "khac-phuc-kiem-tra-hieu-luc";

    public string Label => "Kiểm tra hiệu lực hành động khắc phục";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var until = AuditReminders.Horizon(context, DaysBefore.Max());
        var actions = await context.Scope.Of<CorrectiveAction>(context.Db)
            .Where(a => a.Status == CorrectiveActionStatus.Done && a.CheckDueDate != null && a.CheckDueDate <= until)
            .Join(context.Scope.Of<Finding>(context.Db), a => a.FindingId, f => f.Id, (a, f) => new { a.Id, a.TenantId, a.FindingId, f.Reference, a.Action, a.CheckDueDate })
            .OrderBy(x => x.CheckDueDate).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return actions.Select(a => new DueWork(Key, a.TenantId, $"check:{a.Id}:{a.CheckDueDate:yyyy-MM-dd}",
                $"Kiểm tra hiệu lực hành động khắc phục {a.Reference}: {AuditReminders.Short(a.Action)}", a.CheckDueDate!.Value,
                $"danh-gia/phat-hien/{a.FindingId}#hanh-dong-{a.Id}", Roles: [CommuneRole.QualitySecretary]))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
