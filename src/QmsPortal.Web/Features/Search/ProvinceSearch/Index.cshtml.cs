using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;

namespace QmsPortal.Web.Features.Search.ProvinceSearch;

/// <summary>
/// Search across every commune of one province, for its province auditors and platform admins: what they may read
/// in each commune, each result labelled with its commune. Anyone else is refused, whatever the address names.
/// </summary>
[Authorize]
public sealed class IndexModel(QmsDbContext db, SearchScopes scopes, ISearchIndex index, SearchKinds kinds, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public string? PageText { get; set; }

    public string ProvinceCode { get; private set; } = "";
    public string ProvinceName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? ShownKind { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }
    public IReadOnlyList<SearchKinds.Kind> KindChoices { get; private set; } = [];
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public IReadOnlyList<HitView> Hits { get; private set; } = [];
    public bool IndexReady { get; private set; } = true;

    private sealed record CommuneRow(int Id, string Slug, string Name, string ProvinceCode);

    public async Task<IActionResult> OnGetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode).Select(p => new { p.Code, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (province is null)
        {
            return NotFound();
        }

        var scope = await scopes.ForProvinceAsync(province.Code);
        if (scope is null)
        {
            return Forbid();
        }

        ProvinceCode = province.Code;
        ProvinceName = province.Name;
        KindChoices = kinds.All;
        ShownKind = KindChoices.Any(k => k.Key == Kind) ? Kind : null;
        Text = SearchInput.Clean(Query);
        PageNumber = Math.Min(SearchInput.ParsePage(PageText) ?? 1, SearchInput.MaxPage);
        if (Text.Length == 0)
        {
            return Page();
        }

        IndexReady = index.IsReady;
        Results = index.Search(new SearchRequest(Text, scope, ShownKind, PageNumber, SearchInput.PageSize));
        PageCount = Math.Min((Results.Total + SearchInput.PageSize - 1) / SearchInput.PageSize, SearchInput.MaxPage);

        // The page reads the tenant table, which is not commune-owned: one query for the communes the hits name.
        var ids = Results.Hits.Select(h => h.TenantId).Distinct().ToList();
        var communes = await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new CommuneRow(t.Id, t.Slug, t.Name, t.ProvinceCode)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var foreign = Results.Hits.Count(h => !communes.TryGetValue(h.TenantId, out var c) || c.ProvinceCode != province.Code);
        if (foreign > 0)
        {
            // The index filters by province; this is the second wall, and a hit here is a bug worth hearing about.
            logger.LogError("Search of province {Province} returned {Count} hits of other provinces; they were dropped", province.Code, foreign);
        }

        Hits = Results.Hits.Where(h => communes.TryGetValue(h.TenantId, out var c) && c.ProvinceCode == province.Code)
            .Select(h => new HitView(h, $"{Request.PathBase}/{communes[h.TenantId].Slug}/{h.PathInCommune}", communes[h.TenantId].Name)).ToList();
        return Page();
    }

    public string SearchUrl(string text, string? kind = null, int page = 1) =>
        $"{Request.PathBase}/tinh/{ProvinceCode}/tim-kiem{SearchInput.QueryString(text, kind, page)}";
}
