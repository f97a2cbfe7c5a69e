using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Programmes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Features.Audits.Search.AuditSearchText;

namespace QmsPortal.Web.Features.Audits.Search;

/// <summary>Internal audits as readers see them on <c>danh-gia/cuoc-danh-gia/{id}</c>: title, scope, conclusion and the evidence recorded per question.</summary>
public sealed class AuditSearchSource : ISearchSource
{
    public string Kind => "danh-gia-noi-bo";

    public string KindName => "Đánh giá nội bộ";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(Audit), typeof(AuditAnswer)];

    public int? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        Audit audit => audit.Id,
        AuditAnswer => Parent(entry, nameof(AuditAnswer.AuditId)),
        _ => null,
    };

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var audits = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from a in db.Set<Audit>().IgnoreQueryFilters()
                join t in db.Tenants on a.TenantId equals t.Id
                where ids.Contains(a.Id)
                select new
                {
                    a.Id, a.TenantId, t.ProvinceCode, a.Title, a.Year, a.Month, a.ScopeDocuments, a.ScopeTthc, a.ScopeClauses, a.Status,
                    a.OpeningMeetingOn, a.ClosingMeetingOn, a.Conclusion,
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        // Only answered questions carry the audit's own words; the unanswered checklist is the question bank's text.
        var answers = (await db.Set<AuditAnswer>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.AuditId) && a.Evidence != null)
                .OrderBy(a => a.Order).Select(a => new { a.AuditId, a.Question, a.Evidence }).ToListAsync(cancellationToken))
            .ToLookup(a => a.AuditId);
        return audits.Select(a => new SearchItem(Kind, a.Id, a.TenantId, a.ProvinceCode, SearchAudience.Readers, VietnameseText.Normalize(a.Title), null,
                $"danh-gia/cuoc-danh-gia/{a.Id}", "",
                Lines(new[] { $"{AuditLabels.Month(a.Month)}/{a.Year}", "Điều khoản " + a.ScopeClauses.Replace(" ", ", ", StringComparison.Ordinal), a.Conclusion }
                    .Concat(answers[a.Id].SelectMany(x => new[] { x.Question, x.Evidence }))))
            {
                Codes = Codes(a.ScopeDocuments, a.ScopeTthc),
                Label = AuditLabels.Status(a.Status),
                Date = a.ClosingMeetingOn ?? a.OpeningMeetingOn ?? new DateOnly(a.Year, a.Month, 1),
            })
            .ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<Audit>().IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }
}
