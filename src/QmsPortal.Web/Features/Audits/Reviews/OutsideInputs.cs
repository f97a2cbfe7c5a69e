using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>
/// The review inputs that other features own: citizens' "Báo sai sót" reports (Tthc) and updates required by new legal
/// texts (Documents). Audits may read those features; they never read Audits. These reads stay in this one class so
/// the dependency is visible and small.
/// </summary>
internal static class OutsideInputs
{
    public static async Task<FeedbackFigures> CitizenReportsAsync(QmsDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // CreatedAt is a DateTimeOffset, which SQLite cannot compare: a commune's reports are few, so they are counted here.
        var reports = await db.Set<TthcFeedback>().AsNoTracking().Select(f => new { f.CreatedAt, f.Status }).ToListAsync(cancellationToken);
        var inPeriod = reports.Where(r => ReviewInputs.LocalDate(r.CreatedAt) is var d && d >= from && d <= to).ToList();
        return new FeedbackFigures(inPeriod.Count, inPeriod.Count(r => r.Status == FeedbackStatus.Handled));
    }

    public static async Task<(LegalFigures Figures, IReadOnlyList<LegalItem> Unresolved)> LegalChangesAsync(QmsDbContext db, DateOnly from, DateOnly to, DateOnly today,
        CancellationToken cancellationToken)
    {
        var items = await db.Set<LegalChangeItem>().AsNoTracking()
            .Join(db.Set<LegalText>(), i => i.LegalTextId, t => t.Id, (i, t) => new { i.DocumentId, i.DueDate, i.ResolvedAt, t.Number, t.Title })
            .Join(db.Set<ControlledDocument>(), x => x.DocumentId, d => d.Id, (x, d) => new { x.DueDate, x.ResolvedAt, x.Number, x.Title, d.Code })
            .ToListAsync(cancellationToken);
        var figures = new LegalFigures(
            items.Count(i => i.DueDate >= from && i.DueDate <= to),
            items.Count(i => i.ResolvedAt is { } r && ReviewInputs.LocalDate(r) is var d && d >= from && d <= to),
            items.Count(i => i.ResolvedAt is null && i.DueDate < today));
        var unresolved = items.Where(i => i.ResolvedAt is null).OrderBy(i => i.DueDate).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new LegalItem(i.Number, i.Title, i.Code, i.DueDate)).ToList();
        return (figures, unresolved);
    }
}
