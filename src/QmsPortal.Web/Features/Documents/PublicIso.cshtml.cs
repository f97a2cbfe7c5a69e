using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// The commune's public ISO page (anonymous): quality policy, this year's objectives, the conformity announcement,
/// the four-step status and the issued procedures. Only issued revisions of public documents are read here.
/// </summary>
public sealed class PublicIsoModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library, CommuneAccess access) : PageModel
{
    public TenantInfo Commune => tenant.Required;
    public string? PolicyBody { get; private set; }
    public IReadOnlyList<Objectives> CurrentObjectives { get; private set; } = [];
    public ConformityAnnouncement? Announcement { get; private set; }
    public IsoStatus Status { get; private set; } = null!;
    public IReadOnlyList<ProcedureRow> Procedures { get; private set; } = [];
    public int Year { get; private set; }

    /// <summary>Staff reach the internal library from here; the public navigation only carries public pages.</summary>
    public bool CanReadInternal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        var today = library.Today;
        Year = today.Year;
        var issued = db.Set<DocumentRevision>().AsNoTracking().Where(r => r.Status == RevisionStatus.Issued)
            .Join(db.Set<ControlledDocument>().Where(d => d.IsPublic), r => r.DocumentId, d => d.Id, (r, d) => new { r, d });
        PolicyBody = await issued.Where(x => x.d.Kind == DocumentKind.QualityPolicy).OrderByDescending(x => x.r.EffectiveDate)
            .Select(x => x.r.Body).FirstOrDefaultAsync(cancellationToken);
        // Every objectives document in force this year (a commune may keep general and yearly objectives), newest first.
        CurrentObjectives = await issued.Where(x => x.d.Kind == DocumentKind.QualityObjectives)
            .OrderByDescending(x => x.r.EffectiveDate)
            .Select(x => new Objectives(x.r.Title, x.r.Body, x.r.EffectiveDate)).ToListAsync(cancellationToken);
        Announcement = await db.Set<ConformityAnnouncement>().AsNoTracking().OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        Procedures = await issued.Where(x => x.d.Kind == DocumentKind.SystemProcedure || x.d.Kind == DocumentKind.TthcProcedure)
            .OrderBy(x => x.d.Code)
            .Select(x => new ProcedureRow(x.d.Code, x.r.Title, x.r.IssueNumber, x.r.EffectiveDate)).ToListAsync(cancellationToken);
        Status = await library.IsoStatusAsync(cancellationToken);
        CanReadInternal = User.Identity?.IsAuthenticated == true && await access.CanReadInternalAsync();
        return Page();
    }

    public sealed record Objectives(string Title, string Body, DateOnly? EffectiveDate);

    public sealed record ProcedureRow(string Code, string Title, int? IssueNumber, DateOnly? EffectiveDate);
}
