using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Reminders;

/// <summary>
/// A submitted revision that waits for an approver: straight after submission, or once the named reviewer has signed
/// "xem xét" (a revision whose reviewer has not yet acted waits for the reviewer, <see cref="RevisionAwaitingReviewRule"/>).
/// Approval is due a week of working days after it became the approver's turn; the approvers hear of it at once.
/// </summary>
public sealed class RevisionAwaitingApprovalRule : IReminderRule
{
    public string Key => "tai-lieu-phe-duyet";

    public string Label => "Tài liệu chờ phê duyệt";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var rows = await context.Scope.Of<DocumentRevision>(context.Db)
            .Where(r => r.Status == RevisionStatus.InReview && (r.ReviewerId == null || r.ReviewedAt != null))
            .Join(context.Scope.Of<ControlledDocument>(context.Db), r => r.DocumentId, d => d.Id, (r, d) => new
            {
                r.Id, r.TenantId, DocumentId = d.Id, d.Code, r.Title, r.Number, r.SubmittedAt, r.ReviewedAt, r.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var since = Text.VietnameseFormat.Local(r.ReviewedAt ?? r.SubmittedAt ?? r.CreatedAt);
                var due = context.Calendar.AddWorkingDays(DateOnly.FromDateTime(since.DateTime), ReminderSchedule.WeekOfWorkingDays);
                return new DueWork(Key, r.TenantId, $"rev:{r.Id}", $"Phê duyệt {r.Code} — {r.Title} (lần sửa đổi {r.Number})", due,
                    $"tai-lieu/{r.DocumentId}?ban={r.Id}", Roles: [CommuneRole.Approver]);
            })
            .OrderBy(w => w.DueDate).ThenBy(w => w.ItemKey, StringComparer.Ordinal)
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, ReminderSchedule.WeekOfWorkingDays);
}
