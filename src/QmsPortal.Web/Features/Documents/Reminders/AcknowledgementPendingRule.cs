using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Web.Features.Documents.Reminders;

/// <summary>
/// An issued revision a member of the commune has not confirmed reading ("Tài liệu cần xác nhận đã đọc"): each member
/// on their own, due 7 working days after issue, reminded from that day and weekly after. Templates a recipe issued
/// are left out: nobody of the commune put them in force, and every new commune would otherwise start with dozens of
/// reminders per person.
/// </summary>
public sealed class AcknowledgementPendingRule : IReminderRule
{
    public const int WorkingDaysToAcknowledge = 7;

    public string Key => "tai-lieu-xac-nhan-doc";

    public string Label => "Tài liệu cần xác nhận đã đọc";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var db = context.Db;
        // Memberships are not tenant-owned rows (a person belongs to several communes); the scope is applied by hand.
        var memberships = db.Memberships.AsNoTracking();
        if (context.Scope.TenantId is { } tenantId)
        {
            memberships = memberships.Where(m => m.TenantId == tenantId);
        }

        var members = memberships.Select(m => new { m.TenantId, m.UserId }).Distinct();
        var acknowledgements = context.Scope.Of<ReadAcknowledgement>(db);
        var rows = await context.Scope.Of<DocumentRevision>(db)
            .Where(r => r.Status == RevisionStatus.Issued && r.IssuedAt != null && r.IssuerId != null
                && !r.IssuerId.StartsWith(DocumentActor.RecipePrefix))
            .Join(context.Scope.Of<ControlledDocument>(db), r => r.DocumentId, d => d.Id, (r, d) => new
            {
                r.Id, r.TenantId, DocumentId = d.Id, d.Code, r.Title, r.IssueNumber, r.IssuedAt,
            })
            .Join(members, r => r.TenantId, m => m.TenantId, (r, m) => new { r, m.UserId })
            .Where(x => !acknowledgements.Any(a => a.RevisionId == x.r.Id && a.UserId == x.UserId))
            .ToListAsync(cancellationToken);
        return rows.Select(x =>
            {
                var issued = DateOnly.FromDateTime(Text.VietnameseFormat.Local(x.r.IssuedAt!.Value).DateTime);
                return new DueWork(Key, x.r.TenantId, $"ack:{x.r.Id}:{x.UserId}", $"Đọc và xác nhận {x.r.Code} — {x.r.Title} (ban hành lần {x.r.IssueNumber})",
                    context.Calendar.AddWorkingDays(issued, WorkingDaysToAcknowledge), $"tai-lieu/{x.r.DocumentId}", UserId: x.UserId);
            })
            .OrderBy(w => w.DueDate).ThenBy(w => w.ItemKey, StringComparer.Ordinal)
            .ToList();
    }

    // Nothing before the 7 days are up: the workspace lists the item from the day of issue, mail only once it is late.
    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar);
}
