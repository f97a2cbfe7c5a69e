using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Findings;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Features.Audits.Search.AuditSearchText;

namespace QmsPortal.Web.Features.Audits.Search;

/// <summary>
/// Findings with their corrective actions, as readers see them on <c>danh-gia/phat-hien/{id}</c>. "Quá hạn" depends on
/// the day as well as on saved rows: <see cref="ChangingOn"/> names the findings that become overdue on a day.
/// </summary>
public sealed class FindingSearchSource(TimeProvider clock) : ISearchSource
{
    public string Kind => "phat-hien";

    public string KindName => "Phát hiện đánh giá";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(Finding), typeof(CorrectiveAction)];

    public int? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        Finding finding => finding.Id,
        CorrectiveAction => Parent(entry, nameof(CorrectiveAction.FindingId)),
        _ => null,
    };

    /// <summary>Findings with an open corrective action due the day before <paramref name="day"/>: they are overdue from that day.</summary>
    public IQueryable<int> ChangingOn(QmsDbContext db, DateOnly day)
    {
        var due = day.AddDays(-1);
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        return db.Set<CorrectiveAction>().IgnoreQueryFilters().Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate == due)
            .Select(a => a.FindingId).Distinct();
    }

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        var today = VietnameseFormat.Today(clock);
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var findings = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from f in db.Set<Finding>().IgnoreQueryFilters()
                join t in db.Tenants on f.TenantId equals t.Id
                where ids.Contains(f.Id)
                select new
                {
                    f.Id, f.TenantId, t.ProvinceCode, f.Reference, f.Grade, f.Clause, f.SubjectKind, f.Subject, f.Description, f.Source, f.RaisedOn,
                    f.Status, f.ClosingNote,
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        var actions = (await db.Set<CorrectiveAction>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.FindingId))
                .Select(a => new { a.FindingId, a.Correction, a.RootCause, a.Action, a.SuccessCriteria, a.CompletionEvidence, a.CheckNote, a.Status, a.DueDate })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.FindingId);
        return findings.Select(f =>
        {
            var own = actions[f.Id].ToList();
            var label = f.Status == FindingStatus.Closed ? FindingLabels.Status(f.Status)
                : own.Any(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today) ? "Quá hạn"
                : FindingLabels.Status(f.Status);
            return new SearchItem(Kind, f.Id, f.TenantId, f.ProvinceCode, SearchAudience.Readers,
                $"Phát hiện {f.Reference}: {FindingLabels.Grade(f.Grade)} — {VietnameseText.Normalize(f.Subject)}", f.Reference,
                $"danh-gia/phat-hien/{f.Id}", "",
                Lines(new[] { f.Description, f.Subject, "Điều khoản " + f.Clause, FindingLabels.Source(f.Source), f.ClosingNote }
                    .Concat(own.SelectMany(a => new[] { a.Correction, a.RootCause, a.Action, a.SuccessCriteria, a.CompletionEvidence, a.CheckNote }))))
            {
                Codes = f.SubjectKind is FindingSubject.Document or FindingSubject.Tthc ? Codes(f.Subject) : [],
                Label = label,
                Date = f.RaisedOn,
            };
        }).ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<Finding>().IgnoreQueryFilters().OrderBy(f => f.Id).Select(f => f.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }
}
