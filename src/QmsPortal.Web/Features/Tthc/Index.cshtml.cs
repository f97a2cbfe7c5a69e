using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>The commune's posted TTHC grouped by field, with a forgiving filter (a plain GET form): no accents, i/y alike, syllables run together.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(PublicTthc tthc, TenantContext tenant, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public TenantInfo Commune { get; private set; } = null!;
    public List<IGrouping<string, PublicTthc.ListItem>> Groups { get; private set; } = [];
    public int Total { get; private set; }

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
        var words = VietnameseText.LooseWords(Query?.Length > 200 ? Query[..200] : Query);
        var shown = words.Length == 0 ? all : all.Where(i => VietnameseText.LooseMatches(VietnameseText.Loose($"{i.Code} {i.Name} {i.Field}"), words)).ToList();

        // A citizen who typed something we could not match still needs the list: show all of it, said plainly.
        NoMatch = words.Length > 0 && shown.Count == 0 && all.Count > 0;
        Groups = (NoMatch ? all : shown).GroupBy(i => i.Field).OrderBy(g => g.Key, StringComparer.Create(VietnameseFormat.Culture, false)).ToList();
        return Page();
    }
}
