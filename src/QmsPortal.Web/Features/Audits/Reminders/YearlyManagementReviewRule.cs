using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// The management review the year must have (ISO 9001 9.3), held when a review of the year has its minutes closed: a
/// commune without one is reminded 60, 30 and 7 working days before 31 December, and on the day. The chair of a draft
/// record of the year acts; with no draft, the commune's approvers (the chairman chairs it). Nothing is due once the
/// year is over.
/// </summary>
public sealed class YearlyManagementReviewRule : IReminderRule
{
    private static readonly int[] DaysBefore = [60, 30, 7];

    public string Key => "xem-xet-lanh-dao-hang-nam";

    public string Label => "Xem xét của lãnh đạo hằng năm";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        if (AuditReminders.YearEndWithin(context, DaysBefore.Max()) is not { } yearEnd)
        {
            return [];
        }

        var year = yearEnd.Year;
        var from = new DateOnly(year, 1, 1);
        var communes = await AuditReminders.ActiveCommunesAsync(context, cancellationToken);
        // A commune holds one or two reviews a year: every review of the year in one query is a few rows per commune.
        var reviews = (await context.Scope.Of<ManagementReview>(context.Db)
                .Where(r => r.HeldOn >= from && r.HeldOn <= yearEnd)
                .OrderBy(r => r.HeldOn).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.TenantId, r.Status, r.ChairId })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.TenantId);
        var items = new List<DueWork>();
        foreach (var id in communes)
        {
            var ofCommune = reviews[id].ToList();
            if (ofCommune.Any(r => r.Status == ReviewStatus.Closed))
            {
                continue;
            }

            var title = $"Xem xét của lãnh đạo năm {year}: chưa họp hoặc chưa khóa biên bản";
            items.Add(ofCommune.FirstOrDefault() is { } draft
                ? new DueWork(Key, id, $"year:{year}", title, yearEnd, $"danh-gia/xem-xet-lanh-dao/{draft.Id}", UserId: draft.ChairId)
                : new DueWork(Key, id, $"year:{year}", title, yearEnd, "danh-gia/xem-xet-lanh-dao", Roles: [CommuneRole.Approver]));
        }

        return items;
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        today > item.DueDate ? null : ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
