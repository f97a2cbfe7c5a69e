using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>"Kiểm tra toàn vẹn" of a document's signatures, for anyone who may read the commune's library.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IntegrityModel(QmsDbContext db, TenantContext tenant, SignatureIntegrity integrity) : PageModel
{
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int DocumentId { get; private set; }
    public IReadOnlyList<SignatureIntegrity.Verdict> Verdicts { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Code, d.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        (DocumentId, Code, Title) = (id, document.Code, document.Title);
        Verdicts = await integrity.CheckDocumentAsync(id, cancellationToken);
        return Page();
    }
}
