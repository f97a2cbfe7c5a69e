using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Web.Features.Documents.Reminders;

/// <summary>
/// A submitted revision whose named reviewer has not yet signed "xem xét" nor returned it (Documents/Review): due a
/// week of working days after submission, for that reviewer only.
/// </summary>
public sealed class RevisionAwaitingReviewRule : IReminderRule
{
    public string Key => "tai-lieu-xem-xet-truoc-phe-duyet";

    public string Label => "Tài liệu chờ xem xét trước phê duyệt";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var rows = await context.Scope.Of<DocumentRevision>(context.Db)
            .Where(r => r.Status == RevisionStatus.InReview && r.ReviewerId != null && r.ReviewedAt == null)
            .Join(context.Scope.Of<ControlledDocument>(context.Db), r => r.DocumentId, d => d.Id, (r, d) => new
            {
                r.Id, r.TenantId, DocumentId = d.Id, d.Code, r.Title, r.Number, r.SubmittedAt, r.CreatedAt, ReviewerId = r.ReviewerId!,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var since = Text.VietnameseFormat.Local(r.SubmittedAt ?? r.CreatedAt);
                var due = context.Calendar.AddWorkingDays(DateOnly.FromDateTime(since.DateTime), ReminderSchedule.WeekOfWorkingDays);
                // The reviewer is part of the key: if the submission is returned and put forward to someone else, they are told too.
                return new DueWork(Key, r.TenantId, $"rev:{r.Id}:{r.ReviewerId}", $"Xem xét {r.Code} — {r.Title} (lần sửa đổi {r.Number})", due,
                    $"tai-lieu/{r.DocumentId}?ban={r.Id}", UserId: r.ReviewerId);
            })
            .OrderBy(w => w.DueDate).ThenBy(w => w.ItemKey, StringComparer.Ordinal)
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, ReminderSchedule.WeekOfWorkingDays);
}
