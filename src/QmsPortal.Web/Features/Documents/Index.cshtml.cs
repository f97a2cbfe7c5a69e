using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>The commune's procedure library: every controlled document, filtered by kind, state, overdue review or pending legal update.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, DocumentLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")]
    public DocumentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trangThai")]
    public RevisionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "quaHan")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "canCapNhat")]
    public bool NeedsUpdate { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanAuthor { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = library.Today;
        CanAuthor = await access.HasRoleAsync(CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin);
        var query = db.Set<ControlledDocument>().AsNoTracking();
        if (Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status || d.PendingStatus == status);
        }

        var today = Today;
        if (Overdue)
        {
            query = query.Where(d => d.NextReviewDate < today);
        }

        var items = db.Set<LegalChangeItem>().Where(i => i.ResolvedAt == null);
        if (NeedsUpdate)
        {
            query = query.Where(d => items.Any(i => i.DocumentId == d.Id));
        }

        Rows = await query.OrderBy(d => d.Code)
            .Select(d => new Row(d.Id, d.Code, d.Title, d.Kind, d.Status, d.PendingStatus, d.IssueNumber, d.EffectiveDate, d.NextReviewDate,
                items.Count(i => i.DocumentId == d.Id)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Code, string Title, DocumentKind Kind, RevisionStatus Status, RevisionStatus? PendingStatus,
        int IssueNumber, DateOnly? EffectiveDate, DateOnly? NextReviewDate, int OpenUpdates);
}
