using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// The commune's public ISO page (anonymous): quality policy, this year's objectives, the conformity announcement,
/// the four-step status and the procedures. Only issued revisions of public documents are read here, each shown as it
/// stands today: in force, to take effect on a date, or a recipe template the commune has not approved and issued.
/// </summary>
public sealed class PublicIsoModel(QmsDbContext db, TenantContext tenant, DocumentLibrary library, CommuneAccess access) : PageModel
{
    public TenantInfo Commune => tenant.Required;
    public Entry? Policy { get; private set; }
    public IReadOnlyList<Entry> CurrentObjectives { get; private set; } = [];
    public ConformityAnnouncement? Announcement { get; private set; }
    public IsoStatus Status { get; private set; } = null!;
    public IReadOnlyList<Entry> Procedures { get; private set; } = [];
    public int Year { get; private set; }

    /// <summary>Staff reach the internal library from here; the public navigation only carries public pages.</summary>
    public bool CanReadInternal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        Year = library.Today.Year;
        var standings = await library.StandingsAsync(cancellationToken);
        var documents = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.IsPublic && d.IssueNumber > 0)
            .Select(d => new { d.Id, d.Code, d.Kind }).ToListAsync(cancellationToken);
        // What applies today, else what will apply: a revision that has not taken effect is shown as such, never as in force.
        var shown = documents.Select(d => (d.Id, d.Code, d.Kind, Standing: standings.GetValueOrDefault(d.Id, DocumentStanding.None)))
            .Where(d => d.Standing.InForce is not null || d.Standing.Upcoming is not null).ToList();
        var revisionIds = shown.Select(d => (d.Standing.InForce ?? d.Standing.Upcoming)!.RevisionId).ToList();
        var withBody = shown.Where(d => d.Kind is DocumentKind.QualityPolicy or DocumentKind.QualityObjectives)
            .Select(d => (d.Standing.InForce ?? d.Standing.Upcoming)!.RevisionId).ToList();
        var texts = await db.Set<DocumentRevision>().AsNoTracking().Where(r => revisionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, Body = withBody.Contains(r.Id) ? r.Body : "" }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var entries = shown.Select(d =>
        {
            var revision = (d.Standing.InForce ?? d.Standing.Upcoming)!;
            var text = texts[revision.RevisionId];
            return new Entry(d.Kind, d.Code, text.Title, text.Body, revision, d.Standing.InForce is null, d.Standing.InForce is null ? null : d.Standing.Upcoming);
        }).ToList();

        Policy = entries.Where(e => e.Kind == DocumentKind.QualityPolicy).OrderBy(e => e.IsUpcoming).ThenByDescending(e => e.Revision.EffectiveDate).FirstOrDefault();
        // Every objectives document that applies (a commune may keep general and yearly objectives), newest first.
        CurrentObjectives = entries.Where(e => e.Kind == DocumentKind.QualityObjectives).OrderBy(e => e.IsUpcoming)
            .ThenByDescending(e => e.Revision.EffectiveDate).ToList();
        Procedures = entries.Where(e => e.Kind is DocumentKind.SystemProcedure or DocumentKind.TthcProcedure).OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        Announcement = await db.Set<ConformityAnnouncement>().AsNoTracking().OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        Status = await library.IsoStatusAsync(cancellationToken);
        CanReadInternal = User.Identity?.IsAuthenticated == true && await access.CanReadInternalAsync();
        return Page();
    }

    /// <summary>A public document as shown today: its revision in force (or, when none is yet, the one to come) and the revision that follows.</summary>
    public sealed record Entry(DocumentKind Kind, string Code, string Title, string Body, IssuedRow Revision, bool IsUpcoming, IssuedRow? Next);
}
