using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>One year's audit programme: its notes and the audits planned month by month.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ProgrammeModel(QmsDbContext db, TenantContext tenant, AuditDesk desk) : PageModel
{
    [BindProperty]
    [Display(Name = "Ghi chú")]
    public string? Notes { get; set; }

    public int Year { get; private set; }
    public IReadOnlyList<IndexModel.Row> Audits { get; private set; } = [];
    public bool CanAudit { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var programme = await db.Set<AuditProgramme>().AsNoTracking().Where(p => p.Year == year).Select(p => new { p.Id, p.Notes }).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Notes = programme.Notes;
        await LoadAsync(programme.Id, year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostNotesAsync(int year, CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        var programme = await db.Set<AuditProgramme>().FirstOrDefaultAsync(p => p.Year == year, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        try
        {
            programme.EditNotes(Notes);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Đã lưu ghi chú của chương trình.";
            return Redirect($"/{Slug}/danh-gia/chuong-trinh/{year}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "Notes", e.Message);
            await LoadAsync(programme.Id, year, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(int programmeId, int year, CancellationToken cancellationToken)
    {
        Year = year;
        Today = desk.Today;
        CanAudit = await desk.CanAuditAsync();
        Audits = await db.Set<Audit>().AsNoTracking().Where(a => a.ProgrammeId == programmeId).OrderBy(a => a.Month).ThenBy(a => a.Id)
            .Select(a => new IndexModel.Row(a.Id, a.Year, a.Month, a.Title, a.Status, a.LeadAuditorName, a.OpeningMeetingOn, a.ClosingMeetingOn,
                a.Answers.Count(x => x.Result == AnswerResult.Nonconform)))
            .ToListAsync(cancellationToken);
    }
}
