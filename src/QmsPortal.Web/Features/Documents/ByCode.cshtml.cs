using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// Stable link by document code for other features: <c>/{slug}/tai-lieu/theo-ma?ma=QT-02%2FCX-HCTP</c> (<c>?code=</c> is
/// still understood, for links written before).
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ByCodeModel(IDocumentCodes documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? ma, string? code) =>
        await documents.FindAsync(ma ?? code) is { } found ? Redirect(found.Path) : NotFound();
}

/// <summary>The library's side of <see cref="IDocumentCodes"/>: the tenant filter keeps every look-up inside the current commune.</summary>
public sealed class DocumentCodes(QmsDbContext db, TenantContext tenant) : IDocumentCodes
{
    public async Task<DocumentReference?> FindAsync(string? code, CancellationToken cancellationToken = default)
    {
        var wanted = Normalize(code);
        if (wanted.Length == 0 || tenant.Current is not { } commune)
        {
            return null;
        }

        var found = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Code == wanted).Select(d => new { d.Id, d.Code, d.Title })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new DocumentReference(found.Code, found.Title, $"/{commune.Slug}/tai-lieu/{found.Id}");
    }

    /// <summary>Codes are stored upper-case and NFC (<see cref="ControlledDocument.CheckCode"/>).</summary>
    public static string Normalize(string? code) => VietnameseText.Normalize(code).Trim().ToUpperInvariant();
}
