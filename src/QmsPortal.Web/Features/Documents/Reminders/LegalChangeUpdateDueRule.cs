using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Reminders;

/// <summary>
/// A document that must be brought in line with a new legal text (3 months after the text takes effect) and has not
/// been marked updated: the people who write documents (quality secretary, commune administrator, who register legal
/// texts and resolve the items), 30 and 7 working days before, on the day, then weekly while overdue.
/// </summary>
public sealed class LegalChangeUpdateDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [30, 7];

    public string Key => "tai-lieu-van-ban-phap-ly";

    public string Label => "Cập nhật theo văn bản pháp lý mới";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var until = context.Calendar.AddWorkingDays(context.Today, DaysBefore.Max());
        var rows = await context.Scope.Of<LegalChangeItem>(context.Db)
            .Where(i => i.ResolvedAt == null && i.DueDate <= until)
            .Join(context.Scope.Of<ControlledDocument>(context.Db), i => i.DocumentId, d => d.Id, (i, d) => new { i, d })
            .Join(context.Scope.Of<LegalText>(context.Db), x => x.i.LegalTextId, t => t.Id, (x, t) => new
            {
                x.i.Id, x.i.TenantId, x.i.DueDate, DocumentId = x.d.Id, x.d.Code, x.d.Title, t.Number,
            })
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DueWork(Key, r.TenantId, $"legal:{r.Id}", $"Cập nhật {r.Code} — {r.Title} theo văn bản {r.Number}", r.DueDate,
                $"tai-lieu/{r.DocumentId}", Roles: [CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin]))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
