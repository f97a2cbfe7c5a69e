using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Reviews;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Features.Audits.Search.AuditSearchText;

namespace QmsPortal.Web.Features.Audits.Search;

/// <summary>Management reviews as readers see them on <c>danh-gia/xem-xet-lanh-dao/{id}</c>: what the meeting said and decided.</summary>
public sealed class ReviewSearchSource : ISearchSource
{
    public string Kind => "xem-xet-lanh-dao";

    public string KindName => "Xem xét của lãnh đạo";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(ManagementReview), typeof(ReviewAction)];

    public int? ItemOf(EntityEntry entry) => entry.Entity switch
    {
        ManagementReview review => review.Id,
        ReviewAction => Parent(entry, nameof(ReviewAction.ReviewId)),
        _ => null,
    };

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var reviews = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from r in db.Set<ManagementReview>().IgnoreQueryFilters()
                join t in db.Tenants on r.TenantId equals t.Id
                where ids.Contains(r.Id)
                select new
                {
                    r.Id, r.TenantId, t.ProvinceCode, r.HeldOn, r.PeriodFrom, r.PeriodTo, r.Risks, r.Discussion, r.ImprovementOpportunities, r.QmsChanges,
                    r.ResourceNeeds, r.Status,
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        var actions = (await db.Set<ReviewAction>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.ReviewId))
                .OrderBy(a => a.Id).Select(a => new { a.ReviewId, a.Text, a.DoneNote }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ReviewId);
        return reviews.Select(r => new SearchItem(Kind, r.Id, r.TenantId, r.ProvinceCode, SearchAudience.Readers,
                $"Biên bản xem xét của lãnh đạo ngày {VietnameseFormat.Date(r.HeldOn)}", null, $"danh-gia/xem-xet-lanh-dao/{r.Id}", "",
                Lines(new[] { "Kỳ xem xét " + ReviewLabels.Period(r.PeriodFrom, r.PeriodTo), r.Risks, r.Discussion, r.ImprovementOpportunities, r.QmsChanges, r.ResourceNeeds }
                    .Concat(actions[r.Id].SelectMany(a => new[] { a.Text, a.DoneNote }))))
            {
                Label = ReviewLabels.Status(r.Status),
                Date = r.HeldOn,
            })
            .ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<ManagementReview>().IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }
}
