using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Shared;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>An earlier posted revision: still readable, clearly marked as replaced, with a link to the current one.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class VersionModel(PublicTthc tthc) : PageModel
{
    public ProcedureView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int n, CancellationToken cancellationToken)
    {
        var view = await tthc.FindAsync(code, n, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
