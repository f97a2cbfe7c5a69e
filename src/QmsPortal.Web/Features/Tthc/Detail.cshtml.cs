using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Shared;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>One posted TTHC in plain Vietnamese: papers first, fees prominent, where to go, forms, QR-printable views.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class DetailModel(PublicTthc tthc) : PageModel
{
    public ProcedureView View { get; private set; } = null!;
    public string CurrentUrl { get; private set; } = "";
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string code, CancellationToken cancellationToken)
    {
        var view = await tthc.FindAsync(code, null, cancellationToken);
        if (view is null)
        {
            return await tthc.CodeForAliasAsync(code, cancellationToken) is { } current
                ? RedirectPermanent($"{Request.PathBase}/{slug}/thu-tuc/{Uri.EscapeDataString(current)}")
                : NotFound();
        }

        View = view;
        CurrentUrl = tthc.Url(code);
        JsonLd = PublicTthc.JsonLd(view, CurrentUrl);
        return Page();
    }
}
