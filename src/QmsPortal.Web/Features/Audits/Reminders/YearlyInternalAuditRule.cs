using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// The internal audit the year must have (ISO 9001 9.2; Quyết định 19/2014/QĐ-TTg asks for one a year): a commune
/// with no audit of this year's programme signed off by its lead auditor is reminded 60, 30 and 7 working days before
/// 31 December, and on the day; the quality secretary acts. Once the year is over its audit can no longer be held, so
/// nothing is due after 31 December (the new year's reminder takes over).
/// </summary>
public sealed class YearlyInternalAuditRule : IReminderRule
{
    private static readonly int[] DaysBefore = [60, 30, 7];

    public string Key => "danh-gia-noi-bo-hang-nam";

    public string Label => "Đánh giá nội bộ hằng năm";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        if (AuditReminders.YearEndWithin(context, DaysBefore.Max()) is not { } yearEnd)
        {
            return [];
        }

        var year = yearEnd.Year;
        var communes = await AuditReminders.ActiveCommunesAsync(context, cancellationToken);
        var held = (await context.Scope.Of<Audit>(context.Db)
                .Where(a => a.Year == year && a.Status == AuditStatus.Reported)
                .Select(a => a.TenantId).Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return communes.Where(id => !held.Contains(id))
            .Select(id => new DueWork(Key, id, $"year:{year}", $"Đánh giá nội bộ năm {year}: chưa có cuộc đánh giá nào được ký báo cáo", yearEnd,
                $"danh-gia/chuong-trinh/{year}", Roles: [CommuneRole.QualitySecretary]))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        today > item.DueDate ? null : ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
