using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Search.CommuneSearch;

/// <summary>
/// The commune's search page (a plain GET form): citizens search what is posted publicly, a signed-in member the wider
/// scope their roles give (<see cref="SearchScopes"/>). Never output-cached: every query would be a new cache entry,
/// and results follow the index, which catches up after saves on its own.
/// </summary>
public sealed class IndexModel(TenantContext tenant, SearchScopes scopes, ISearchIndex index, SearchKinds kinds, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public string? PageText { get; set; }

    public TenantInfo Commune { get; private set; } = null!;

    /// <summary>The query as searched (cleaned and cut); empty when nothing was typed.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The kind searched, when it is one this person is offered; otherwise every kind.</summary>
    public string? ShownKind { get; private set; }

    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; }
    public IReadOnlyList<SearchKinds.Kind> KindChoices { get; private set; } = [];
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public bool IndexReady { get; private set; } = true;

    /// <summary>Signed in with more than the public scope: the page says results include internal records.</summary>
    public bool WiderScope { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        Commune = tenant.Current;
        var scope = await scopes.ForCommuneAsync();
        WiderScope = scope.Audiences.Count > 1;
        KindChoices = kinds.OfferedTo(scope);
        ShownKind = KindChoices.Any(k => k.Key == Kind) ? Kind : null;
        Text = SearchInput.Clean(Query);
        PageNumber = Math.Min(SearchInput.ParsePage(PageText) ?? 1, SearchInput.MaxPage);
        if (Text.Length == 0)
        {
            return Page();
        }

        IndexReady = index.IsReady;
        Results = index.Search(new SearchRequest(Text, scope, ShownKind, PageNumber, SearchInput.PageSize));
        var foreign = Results.Hits.Count(h => h.TenantId != Commune.Id);
        if (foreign > 0)
        {
            // The index filters by commune; this is the second wall, and a hit here is a bug worth hearing about.
            logger.LogError("Search of commune {TenantId} returned {Count} hits of other communes; they were dropped", Commune.Id, foreign);
            Results = Results with { Hits = Results.Hits.Where(h => h.TenantId == Commune.Id).ToList() };
        }

        PageCount = Math.Min((Results.Total + SearchInput.PageSize - 1) / SearchInput.PageSize, SearchInput.MaxPage);
        return Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageUrl(int page) => SearchUrl(Text, ShownKind, page);

    public string SearchUrl(string text, string? kind = null, int page = 1) =>
        $"{Request.PathBase}/{Commune.Slug}/tim-kiem{SearchInput.QueryString(text, kind, page)}";

    public string HitUrl(SearchHit hit) => $"{Request.PathBase}/{Commune.Slug}/{hit.PathInCommune}";
}
