using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc.Search;

/// <summary>
/// Citizens' reports ("Báo sai sót") as the commune's members read them on <c>thu-tuc/quan-ly/phan-anh</c>. The
/// citizen's contact is personal data: it is never read here, so it can never reach the index or a snippet.
/// </summary>
public sealed class FeedbackSearchSource : ISearchSource
{
    public string Kind => "phan-anh";

    public string KindName => "Phản ánh của người dân";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(TthcFeedback)];

    public int? ItemOf(EntityEntry entry) => entry.Entity is TthcFeedback feedback ? feedback.Id : null;

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var postings = db.Set<TthcPosting>().IgnoreQueryFilters();
        var rows = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from f in db.Set<TthcFeedback>().IgnoreQueryFilters()
                join t in db.Tenants on f.TenantId equals t.Id
                where ids.Contains(f.Id)
                select new
                {
                    f.Id, f.TenantId, t.ProvinceCode, f.Reference, f.Code, f.Message, f.CreatedAt, f.Status, f.FindingReference,
                    Name = postings.Where(p => p.TenantId == f.TenantId && p.Code == f.Code).Select(p => p.Name).FirstOrDefault(),
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(f => new SearchItem(Kind, f.Id, f.TenantId, f.ProvinceCode, SearchAudience.Members,
                "Phản ánh về " + (f.Name is { Length: > 0 } name ? $"{VietnameseText.Normalize(name)} ({f.Code})" : f.Code),
                f.Reference, $"thu-tuc/quan-ly/phan-anh#phan-anh-{f.Id}", "", VietnameseText.Normalize(f.Message))
            {
                Codes = new[] { f.Code, f.FindingReference }.OfType<string>().ToList(),
                Label = f.FindingReference is not null ? "Đã lập phát hiện" : f.Status == FeedbackStatus.Handled ? "Đã xử lý" : "Chưa xử lý",
                Date = DateOnly.FromDateTime(VietnameseFormat.Local(f.CreatedAt).DateTime),
            })
            .ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<TthcFeedback>().IgnoreQueryFilters().OrderBy(f => f.Id).Select(f => f.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }
}
