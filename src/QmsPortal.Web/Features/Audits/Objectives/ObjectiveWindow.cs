using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>Which twelve months the objective pages show: a calendar year when asked, else the twelve months up to the latest measured one.</summary>
internal static class ObjectiveWindow
{
    public static async Task<IReadOnlyList<DateOnly>> MonthsAsync(QmsDbContext db, int? year, int? objectiveId, DateOnly today, CancellationToken cancellationToken)
    {
        if (year is >= 2000 and <= 2100)
        {
            return ObjectiveTrend.TwelveMonths(new DateOnly(year.Value, 12, 1));
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var latest = await Values(db, objectiveId).Where(v => v.Month <= thisMonth).MaxAsync(v => (DateOnly?)v.Month, cancellationToken);
        return ObjectiveTrend.TwelveMonths(latest ?? thisMonth);
    }

    public static async Task<IReadOnlyList<int>> YearsAsync(QmsDbContext db, int? objectiveId, CancellationToken cancellationToken) =>
        await Values(db, objectiveId).Select(v => v.Month.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    private static IQueryable<ObjectiveValue> Values(QmsDbContext db, int? objectiveId)
    {
        var values = db.Set<ObjectiveValue>().AsNoTracking();
        return objectiveId is { } id ? values.Where(v => v.ObjectiveId == id) : values;
    }
}
