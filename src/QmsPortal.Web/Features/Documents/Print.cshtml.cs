using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// The A4 print of a revision (the one in force today by default, else the one to come): letterhead, header table, body,
/// and a sign-off block that states only what happened — who drafted (and who else changed the draft), who submitted
/// it, who reviewed it (or that nobody did), who approved and who issued it, with their electronic signatures or a
/// plain statement that there is none.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class PrintModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ban")]
    public int? RevisionId { get; set; }

    public Row Revision { get; private set; } = null!;
    public IReadOnlyList<string> Editors { get; private set; } = [];
    public SignatureBlock Signatures { get; private set; } = null!;
    public TenantInfo Commune => tenant.Required;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Today = library.Today;
        var today = Today;
        var wanted = RevisionId;
        if (wanted is null)
        {
            var all = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == id)
                .Select(r => new { r.Id, r.Number, r.Status, r.EffectiveDate, r.EndDate }).ToListAsync();
            wanted = (all.Where(r => RevisionValidity.On(r.Status, r.EffectiveDate, r.EndDate, today) == Validity.InForce).MaxBy(r => r.EffectiveDate)
                ?? all.Where(r => RevisionValidity.On(r.Status, r.EffectiveDate, r.EndDate, today) == Validity.Upcoming).MinBy(r => r.EffectiveDate)
                ?? all.MaxBy(r => r.Number))?.Id;
        }

        var row = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == id && r.Id == wanted).Select(r => new Row(
                r.Id,
                db.Set<ControlledDocument>().Where(d => d.Id == r.DocumentId).Select(d => d.Code).First(),
                r.Number, r.Status, r.Title, r.Body, r.IssueNumber, r.EffectiveDate, r.EndDate,
                r.AuthorId, r.AuthorName, r.AuthorTitle, r.CreatedAt, r.SubmitterName, r.SubmitterTitle, r.SubmittedAt,
                r.ReviewerId, r.ReviewerName, r.ReviewerTitle, r.ReviewedAt, r.ReviewComment,
                r.ApproverId, r.ApproverName, r.ApproverTitle, r.ApprovedAt, r.IssuerId, r.IssuerName, r.IssuerTitle, r.IssuedAt))
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return NotFound();
        }

        Revision = row;
        Editors = (await db.Set<DocumentEvent>().AsNoTracking()
                .Where(e => e.RevisionId == row.Id && (e.Action == DocumentAction.Edited || e.Action == DocumentAction.Attached) && e.ActorId != row.AuthorId)
                .OrderBy(e => e.Id).Select(e => e.ActorName).ToListAsync())
            .Distinct().ToList();
        Signatures = new SignatureBlock(await SignatureBlock.ForRevisionAsync(db, row.Id), row.Status, row.IssueNumber, row.ApproverId, row.IssuerId,
            $"~/{Commune.Slug}/tai-lieu/{id}/kiem-tra-toan-ven");
        return Page();
    }

    public sealed record Row(int Id, string Code, int Number, RevisionStatus Status, string Title, string Body, int? IssueNumber, DateOnly? EffectiveDate,
        DateOnly? EndDate, string AuthorId, string AuthorName, string? AuthorTitle, DateTimeOffset CreatedAt, string? SubmitterName, string? SubmitterTitle,
        DateTimeOffset? SubmittedAt, string? ReviewerId, string? ReviewerName, string? ReviewerTitle, DateTimeOffset? ReviewedAt, string? ReviewComment, string? ApproverId, string? ApproverName, string? ApproverTitle, DateTimeOffset? ApprovedAt, string? IssuerId, string? IssuerName,
        string? IssuerTitle, DateTimeOffset? IssuedAt);
}
