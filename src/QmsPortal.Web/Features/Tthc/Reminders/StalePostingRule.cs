using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc.Reminders;

/// <summary>
/// A posted TTHC whose province catalogue has a newer announced version than the one shown to citizens (stale, as
/// <see cref="PostingState.IsStale"/>): the people who edit postings (quality secretary, commune administrator) must
/// accept the change by the day it takes effect, or 30 days after it was announced when the decision names no date
/// (<see cref="PostingCompleteness.State"/>). Listed as soon as it is stale (citizens already read outdated
/// text); mailed 7 working days before, on the day, then weekly while overdue.
/// </summary>
public sealed class StalePostingRule : IReminderRule
{
    private static readonly int[] DaysBefore = [7];

    public string Key => "tthc-niem-yet-cu";

    public string Label => "Thủ tục niêm yết chưa cập nhật";

    public async Task<IReadOnlyList<DueWork>> FindAsync(DueContext context, CancellationToken cancellationToken = default)
    {
        var db = context.Db;
        // The catalogue is province data (not tenant-owned); it is reached only through the commune's own postings.
        var rows = await context.Scope.Of<TthcPosting>(db)
            .Where(p => p.Status == PostingStatus.Posted)
            .Join(context.Scope.Of<TthcPostingRevision>(db), p => new { PostingId = p.Id, p.CurrentRevision }, r => new { PostingId = r.TthcPostingId, CurrentRevision = r.Number },
                (p, r) => new { p, Shown = r.CatalogueVersionNumber })
            .Join(db.Set<CatalogueProcedure>().AsNoTracking(), x => x.p.CatalogueProcedureId, c => c.Id, (x, c) => new { x.p, x.Shown, c.Id, c.CurrentVersion })
            .Where(x => x.CurrentVersion > x.Shown)
            .Join(db.Set<CatalogueVersion>().AsNoTracking(), x => new { ProcedureId = x.Id, Number = x.CurrentVersion }, v => new { ProcedureId = v.CatalogueProcedureId, v.Number },
                (x, v) => new { x.p.Id, x.p.TenantId, x.p.Code, x.p.Name, VersionNumber = v.Number, v.DecisionNumber, v.EffectiveFrom, v.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DueWork(Key, r.TenantId, $"posting:{r.Id}:v{r.VersionNumber}",
                $"Cập nhật niêm yết {r.Code} — {r.Name} theo {r.DecisionNumber ?? "phiên bản mới của danh mục"}",
                r.EffectiveFrom ?? DateOnly.FromDateTime(r.CreatedAt.UtcDateTime.AddDays(30)), $"thu-tuc/quan-ly/{r.Code}",
                Roles: [CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin]))
            .OrderBy(w => w.DueDate).ThenBy(w => w.ItemKey, StringComparer.Ordinal)
            .ToList();
    }

    public ReminderStep? StepOn(DueWork item, DateOnly today, WorkingCalendar calendar) =>
        ReminderSchedule.BeforeThenWeekly(item.DueDate, today, calendar, DaysBefore);
}
