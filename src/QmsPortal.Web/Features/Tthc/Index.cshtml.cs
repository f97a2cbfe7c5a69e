using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Search;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// The commune's posted TTHC grouped by field, with a forgiving filter (a plain GET form): the search index ranks the
/// procedures for the words typed (no accents, i/y alike, syllables run together, words in the papers and steps too).
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(PublicTthc tthc, TenantContext tenant, IAuthorizationService authorization, ISearchIndex index) : PageModel
{
    private const string Kind = "thu-tuc";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public TenantInfo Commune { get; private set; } = null!;
    public List<IGrouping<string, PublicTthc.ListItem>> Groups { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The procedures the query found, best first; empty when nothing was typed or nothing matched.</summary>
    public IReadOnlyList<PublicTthc.ListItem> Ranked { get; private set; } = [];

    /// <summary>The query as searched (cleaned and cut to the index's limit).</summary>
    public string Text { get; private set; } = "";

    /// <summary>The query matched nothing, so the full list is shown instead.</summary>
    public bool NoMatch { get; private set; }

    /// <summary>The staff link shows only to someone the postings page would let in (not, say, a province auditor who may only read).</summary>
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        Commune = tenant.Current;
        CanManage = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, CommunePolicies.Author)).Succeeded;
        var all = await tthc.ListAsync(cancellationToken);
        Total = all.Count;
        Text = SearchInput.Clean(Query);
        if (Text.Length > 0)
        {
            // Every query text would be its own cache entry and push the commune's hot pages out: a filtered list is
            // answered fresh each time (a search is cheap), the plain list stays cached.
            if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
            {
                cache.Context.AllowCacheStorage = false;
            }

            Ranked = Find(all);
        }

        // A citizen who typed something we could not match still needs the list: show all of it, said plainly.
        NoMatch = Text.Length > 0 && Ranked.Count == 0 && all.Count > 0;
        if (Ranked.Count == 0)
        {
            Groups = all.GroupBy(i => i.Field).OrderBy(g => g.Key, StringComparer.Create(VietnameseFormat.Culture, false)).ToList();
        }

        return Page();
    }

    /// <summary>
    /// The index's hits in rank order, kept only when the procedure is posted now (the list is read from the database,
    /// the index follows it a moment later); then any procedure whose code, name or field holds every word typed and
    /// that the index has not caught up with yet, so a procedure just posted is never missing.
    /// </summary>
    private List<PublicTthc.ListItem> Find(List<PublicTthc.ListItem> all)
    {
        var byCode = all.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var found = new List<PublicTthc.ListItem>();
        if (index.IsReady && all.Count > 0)
        {
            var hits = index.Search(new SearchRequest(Text, SearchScope.PublicOf(Commune.Id), Kind, 1, all.Count)).Hits;
            found.AddRange(hits.Where(h => h.TenantId == Commune.Id && h.Code is not null)
                .Select(h => byCode.GetValueOrDefault(h.Code!)).OfType<PublicTthc.ListItem>().Distinct());
        }

        var words = VietnameseText.LooseWords(Text);
        if (words.Length == 0)
        {
            return found;
        }

        found.AddRange(all.Where(i => !found.Contains(i) && VietnameseText.LooseMatches(VietnameseText.Loose($"{i.Code} {i.Name} {i.Field}"), words)));
        return found;
    }
}
