using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Platform;

/// <summary>The platform's front page: every active commune, grouped by province, with an accent-free filter.</summary>
public sealed class IndexModel(QmsDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public IReadOnlyList<ProvinceGroup> Provinces { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var rows = await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active)
            .Select(t => new Row(t.Slug, t.Name, t.Code, t.FormerNames, t.ProvinceCode, t.Province!.Name))
            .ToListAsync(cancellationToken);

        if (Q is not null)
        {
            var needle = VietnameseText.Fold(Q);
            rows = rows.Where(r => VietnameseText.Fold(r.Name + " " + r.FormerNames + " " + r.ProvinceName + " " + r.Code).Contains(needle)).ToList();
        }

        Total = rows.Count;
        Provinces = rows.GroupBy(r => (r.ProvinceCode, r.ProvinceName))
            .OrderBy(g => g.Key.ProvinceName, StringComparer.Create(VietnameseFormat.Culture, false))
            .Select(g => new ProvinceGroup(g.Key.ProvinceCode, g.Key.ProvinceName,
                g.OrderBy(r => r.Name, StringComparer.Create(VietnameseFormat.Culture, false)).ToList()))
            .ToList();
    }

    public sealed record Row(string Slug, string Name, string Code, string? FormerNames, string ProvinceCode, string ProvinceName);

    public sealed record ProvinceGroup(string Code, string Name, IReadOnlyList<Row> Communes);
}
