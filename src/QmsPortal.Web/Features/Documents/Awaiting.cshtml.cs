using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>"Documents awaiting your acknowledgement": issued revisions the signed-in member has not confirmed reading.</summary>
[Authorize(Policy = CommunePolicies.Member)]
public sealed class AwaitingModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = library.UserId;
        var mine = db.Set<ReadAcknowledgement>().Where(a => a.UserId == userId).Select(a => a.RevisionId);
        Rows = await db.Set<DocumentRevision>().AsNoTracking()
            .Where(r => r.Status == RevisionStatus.Issued && !mine.Contains(r.Id))
            .Join(db.Set<ControlledDocument>(), r => r.DocumentId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.d.Code)
            .Select(x => new Row(x.d.Id, x.r.Id, x.d.Code, x.r.Title, x.r.IssueNumber, x.r.EffectiveDate))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int DocumentId, int RevisionId, string Code, string Title, int? IssueNumber, DateOnly? EffectiveDate);
}
