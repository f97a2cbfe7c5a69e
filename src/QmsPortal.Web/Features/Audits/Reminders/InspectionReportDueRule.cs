using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Reminders;

/// <summary>
/// The commune's corrective report to the province, due two months after the inspection minutes and not yet sent:
/// whoever records it on the inspection page (the quality secretary or the commune administrator), 20 and 5 working
/// days before, on the day, then weekly while overdue.
/// </summary>
public sealed class InspectionReportDueRule : IReminderRule
{
    private static readonly int[] DaysBefore = [20, 5];

    public string Key => "kiem-tra-tinh-bao-cao";

    public string Label => "Báo cáo khắc phục sau kiểm tra của tỉnh";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var until = AuditReminders.Horizon(context, DaysBefore.Max());
        var inspections = await context.Scope.Of<ProvinceInspection>(context.Db)
            .Where(i => i.ReportSubmittedOn == null && i.ReportDueDate <= until)
            .OrderBy(i => i.ReportDueDate).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.TenantId, i.Unit, i.MinutesDate, i.ReportDueDate })
            .ToListAsync(cancellationToken);
        return inspections.Select(i => new DueWork(Key, i.TenantId, $"inspection:{i.Id}",
                $"Báo cáo khắc phục sau kiểm tra của {i.Unit} (biên bản ngày {VietnameseFormat.Date(i.MinutesDate)})", i.ReportDueDate,
                $"danh-gia/kiem-tra-cua-tinh/{i.Id}", Roles: [CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin]))
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
