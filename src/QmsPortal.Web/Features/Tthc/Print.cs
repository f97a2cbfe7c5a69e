using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Shared;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>Both A4 print views: the QR code always opens the current version's page.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public abstract class PrintModel(PublicTthc tthc) : PageModel
{
    public ProcedureView View { get; private set; } = null!;
    public string CurrentUrl { get; private set; } = "";
    public string Qr { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string code, CancellationToken cancellationToken)
    {
        var view = await tthc.FindAsync(code, null, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        CurrentUrl = tthc.Url(view.Posting.Code);
        Qr = PublicTthc.QrDataUri(CurrentUrl);
        return Page();
    }
}

public sealed class ChecklistModel(PublicTthc tthc) : PrintModel(tthc);

public sealed class NoticeModel(PublicTthc tthc) : PrintModel(tthc);
