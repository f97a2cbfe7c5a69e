using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// The commune's findings, newest first, filtered by status, grade and source; a finding with an overdue corrective
/// action is marked. <c>?so=PH-2026-001</c> opens the finding with that reference (the feedback list links that way).
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, AuditDesk desk) : PageModel
{
    private const int Shown = 500;

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public FindingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "muc-do")]
    public FindingGrade? Grade { get; set; }

    [BindProperty(SupportsGet = true, Name = "nguon")]
    public FindingSource? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "so")]
    public string? Reference { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRaise { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => desk.Slug;

    public sealed record Row(int Id, string Reference, FindingGrade Grade, string Clause, FindingSubject SubjectKind, string Subject, string Description,
        FindingSource Source, FindingStatus Status, DateOnly RaisedOn, int Actions, bool Overdue);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = desk.Today;
        if (!string.IsNullOrWhiteSpace(Reference))
        {
            var wanted = Reference.Trim().ToUpperInvariant();
            var id = await db.Set<Finding>().AsNoTracking().Where(f => f.Reference == wanted).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is not null)
            {
                return Redirect($"/{Slug}/danh-gia/phat-hien/{id}");
            }

            ModelState.AddModelError("so", $"Không có phát hiện số {wanted} trong xã.");
        }

        CanRaise = (await desk.RightsAsync()).Raise;
        var today = Today;
        var query = db.Set<Finding>().AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (Grade is { } grade)
        {
            query = query.Where(f => f.Grade == grade);
        }

        if (Source is { } source)
        {
            query = query.Where(f => f.Source == source);
        }

        Rows = await query.OrderByDescending(f => f.RaisedOn).ThenByDescending(f => f.Id).Take(Shown)
            .Select(f => new Row(f.Id, f.Reference, f.Grade, f.Clause, f.SubjectKind, f.Subject, f.Description, f.Source, f.Status, f.RaisedOn,
                db.Set<CorrectiveAction>().Count(a => a.FindingId == f.Id),
                db.Set<CorrectiveAction>().Any(a => a.FindingId == f.Id && a.Status == CorrectiveActionStatus.Open && a.DueDate < today)))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
