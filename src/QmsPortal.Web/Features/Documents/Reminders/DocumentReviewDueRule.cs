using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Reminders;

/// <summary>
/// A document in force whose periodic review (ISO 9001 7.5.2 c) falls due: the quality secretary reviews it, 30 and 7
/// working days before, on the day, then weekly while overdue.
/// </summary>
public sealed class DocumentReviewDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [30, 7];

    public string Key => "tai-lieu-xem-xet";

    public string Label => "Xem xét định kỳ tài liệu";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var until = context.Calendar.AddWorkingDays(context.Today, DaysBefore.Max());
        var documents = await context.Scope.Of<ControlledDocument>(context.Db)
            .Where(d => d.Status == RevisionStatus.Issued && d.NextReviewDate != null && d.NextReviewDate <= until)
            .OrderBy(d => d.NextReviewDate).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.TenantId, d.Code, d.Title, d.NextReviewDate })
            .ToListAsync(cancellationToken);
        return documents.Select(d => new DueWork(Key, d.TenantId, $"doc:{d.Id}:{d.NextReviewDate:yyyy-MM-dd}", $"Xem xét định kỳ {d.Code} — {d.Title}",
                d.NextReviewDate!.Value, $"tai-lieu/{d.Id}", Roles: [CommuneRole.QualitySecretary]))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
