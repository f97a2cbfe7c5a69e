using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>What an import changed: months added and changed, months already holding the same figures, objective values set.</summary>
public sealed record DeskImportResult(int Added, int Changed, int Unchanged, int ValuesSet)
{
    public bool NothingChanged => Added == 0 && Changed == 0 && ValuesSet == 0;
}

/// <summary>
/// Stores the desk's monthly statistics (one row per month: imported again, a month is replaced) and gives every active
/// objective with a <see cref="DeskMeasure"/> its value for those months. A month with the same figures is left as it
/// is, so importing the same file twice changes nothing. Tracked changes only: the caller saves.
/// </summary>
public static class DeskImport
{
    public static async Task<DeskImportResult> ApplyAsync(QmsDbContext db, IReadOnlyList<DeskMonth> months, CancellationToken cancellationToken = default)
    {
        if (months.Count == 0)
        {
            return new DeskImportResult(0, 0, 0, 0);
        }

        var first = months.Min(m => m.Month);
        var last = months.Max(m => m.Month);
        var stored = await db.Set<DeskStatistics>().Where(s => s.Month >= first && s.Month <= last).ToDictionaryAsync(s => s.Month, cancellationToken);
        int added = 0, changed = 0, unchanged = 0;
        var byMonth = new List<DeskStatistics>();
        foreach (var month in months)
        {
            var incoming = month.ToStatistics();
            if (!stored.TryGetValue(month.Month, out var row))
            {
                db.Add(incoming);
                byMonth.Add(incoming);
                added++;
                continue;
            }

            if (Same(row, incoming))
            {
                unchanged++;
            }
            else
            {
                (row.Received, row.OnTime, row.Late, row.Apologies, row.Satisfied, row.Surveyed) =
                    (incoming.Received, incoming.OnTime, incoming.Late, incoming.Apologies, incoming.Satisfied, incoming.Surveyed);
                changed++;
            }

            byMonth.Add(row);
        }

        var objectives = await db.Set<QualityObjective>().Where(o => o.IsActive && o.Measure != DeskMeasure.None)
            .Include(o => o.Values.Where(v => v.Month >= first && v.Month <= last)).ToListAsync(cancellationToken);
        var valuesSet = objectives.Sum(o => Measure(o, byMonth));
        return new DeskImportResult(added, changed, unchanged, valuesSet);
    }

    /// <summary>Gives one objective its values from the statistics already stored (a new objective measured at the desk).</summary>
    public static async Task<int> FillAsync(QmsDbContext db, QualityObjective objective, CancellationToken cancellationToken = default) =>
        objective.Measure == DeskMeasure.None ? 0 : Measure(objective, await db.Set<DeskStatistics>().AsNoTracking().ToListAsync(cancellationToken));

    private static int Measure(QualityObjective objective, IEnumerable<DeskStatistics> months)
    {
        var set = 0;
        foreach (var month in months)
        {
            if (objective.ValueFrom(month) is not { } value)
            {
                continue;
            }

            var current = objective.Values.FirstOrDefault(v => v.Month == month.Month);
            if (current is { Source: ObjectiveValueSource.Imported } && current.Value == value)
            {
                continue;
            }

            objective.SetValue(month.Month, value, ObjectiveValueSource.Imported);
            set++;
        }

        return set;
    }

    private static bool Same(DeskStatistics a, DeskStatistics b) =>
        (a.Received, a.OnTime, a.Late, a.Apologies, a.Satisfied, a.Surveyed) == (b.Received, b.OnTime, b.Late, b.Apologies, b.Satisfied, b.Surveyed);
}
