using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// The audit report on A4: scope, team, meetings, every checklist question with its result and evidence, the findings
/// raised from the audit, the conclusion and the lead auditor's sign-off, or a plain statement that it is not signed.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ReportModel(QmsDbContext db, TenantContext tenant, ScopeLookup scopes) : PageModel
{
    public ConductModel.Header Head { get; private set; } = null!;
    public IReadOnlyList<ConductModel.AnswerRow> Answers { get; private set; } = [];
    public ILookup<int, string> FileNames { get; private set; } = Array.Empty<string>().ToLookup(_ => 0);
    public IReadOnlyList<FindingRow> Findings { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DocumentTitles { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> TthcTitles { get; private set; } = new Dictionary<string, string>();
    public TenantInfo Commune => tenant.Required;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var header = await db.Set<Audit>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ConductModel.Header(a.Id, a.Year, a.Month, a.Title, a.Status, a.ScopeDocuments, a.ScopeTthc, a.ScopeClauses, a.LeadAuditorId,
                a.LeadAuditorName, a.Team, a.OpeningMeetingOn, a.ClosingMeetingOn, a.Participants, a.Conclusion, a.ReportSignedByName, a.ReportSignedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Head = header;
        Answers = await db.Set<AuditAnswer>().AsNoTracking().Where(a => a.AuditId == id).OrderBy(a => a.Order)
            .Select(a => new ConductModel.AnswerRow(a.Id, a.Order, a.Clause, a.Question, a.Result, a.Evidence)).ToListAsync(cancellationToken);
        FileNames = (await db.Set<AuditEvidenceFile>().AsNoTracking().Where(f => f.AuditId == id).OrderBy(f => f.Id)
            .Select(f => new { f.AnswerId, f.FileName }).ToListAsync(cancellationToken)).ToLookup(f => f.AnswerId, f => f.FileName);
        Findings = await ReportReads.FindingsAsync(db, id, cancellationToken);
        (DocumentTitles, TthcTitles) = await scopes.TitlesAsync(header.Documents, header.Tthc, cancellationToken);
        return Page();
    }
}
