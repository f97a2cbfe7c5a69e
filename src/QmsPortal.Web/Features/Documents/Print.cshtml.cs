using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>The A4 print of a revision (the one in force by default): letterhead, header table, body, sign-off block.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class PrintModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ban")]
    public int? RevisionId { get; set; }

    public Row Revision { get; private set; } = null!;
    public TenantInfo Commune => tenant.Required;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var query = db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == id);
        query = RevisionId is { } wanted ? query.Where(r => r.Id == wanted)
            : query.OrderBy(r => r.Status == RevisionStatus.Issued ? 0 : 1).ThenByDescending(r => r.Number);
        var row = await query.Select(r => new Row(
                db.Set<ControlledDocument>().Where(d => d.Id == r.DocumentId).Select(d => d.Code).First(),
                r.Number, r.Status, r.Title, r.Body, r.IssueNumber, r.EffectiveDate, r.EndDate,
                r.AuthorName, r.AuthorTitle, r.CreatedAt, r.ReviewerName, r.ReviewerTitle, r.SubmittedAt, r.ApproverName, r.ApproverTitle, r.ApprovedAt))
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return NotFound();
        }

        Revision = row;
        return Page();
    }

    public sealed record Row(string Code, int Number, RevisionStatus Status, string Title, string Body, int? IssueNumber, DateOnly? EffectiveDate, DateOnly? EndDate,
        string AuthorName, string? AuthorTitle, DateTimeOffset CreatedAt, string? ReviewerName, string? ReviewerTitle, DateTimeOffset? SubmittedAt,
        string? ApproverName, string? ApproverTitle, DateTimeOffset? ApprovedAt);
}
