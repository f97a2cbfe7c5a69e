using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;
using static QmsPortal.Web.Features.Audits.Search.AuditSearchText;

namespace QmsPortal.Web.Features.Audits.Search;

/// <summary>The province's inspections as readers see them on <c>danh-gia/kiem-tra-cua-tinh/{id}</c>: who inspected, the conclusion, the commune's report.</summary>
public sealed class InspectionSearchSource : ISearchSource
{
    public string Kind => "kiem-tra-tinh";

    public string KindName => "Kiểm tra của tỉnh";

    public IReadOnlyCollection<Type> Watches { get; } = [typeof(ProvinceInspection)];

    public int? ItemOf(EntityEntry entry) => entry.Entity is ProvinceInspection inspection ? inspection.Id : null;

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.Distinct().ToList();
        // The indexer serves every commune: the tenant filter is lifted and each row carries its own commune.
        var inspections = await (
                // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
                from i in db.Set<ProvinceInspection>().IgnoreQueryFilters()
                join t in db.Tenants on i.TenantId equals t.Id
                where ids.Contains(i.Id)
                select new { i.Id, i.TenantId, t.ProvinceCode, i.InspectedOn, i.Unit, i.Inspectors, i.Summary, i.ReportSubmittedOn, i.ReportReference })
            .AsNoTracking().ToListAsync(cancellationToken);
        return inspections.Select(i => new SearchItem(Kind, i.Id, i.TenantId, i.ProvinceCode, SearchAudience.Readers,
                $"Kiểm tra của {VietnameseText.Normalize(i.Unit)} ngày {VietnameseFormat.Date(i.InspectedOn)}", null, $"danh-gia/kiem-tra-cua-tinh/{i.Id}", "",
                Lines([i.Unit, i.Inspectors, i.Summary, i.ReportReference]))
            {
                Label = i.ReportSubmittedOn is null ? "Chưa gửi báo cáo khắc phục" : "Đã gửi báo cáo khắc phục",
                Date = i.InspectedOn,
            })
            .ToList();
    }

    public async IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Across communes on purpose: the indexer serves every commune; each entry carries its own row's commune.
        await foreach (var id in db.Set<ProvinceInspection>().IgnoreQueryFilters().OrderBy(i => i.Id).Select(i => i.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return id;
        }
    }
}
