using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>The commune's yearly audit programmes; internal auditors and the ISO secretary open a new year's programme here.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ProgrammesModel(QmsDbContext db, TenantContext tenant, AuditDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanAudit { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year = YearQuery ?? desk.Today.Year;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await desk.CanAuditAsync())
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var year = Input.Year ?? throw new DomainException("Vui lòng nhập năm của chương trình.", "Year");
            var programme = AuditProgramme.Create(year, Input.Notes);
            if (await db.Set<AuditProgramme>().AnyAsync(p => p.Year == year, cancellationToken))
            {
                throw new DomainException($"Xã đã có chương trình đánh giá năm {year}.", "Year");
            }

            db.Add(programme);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã lập chương trình đánh giá nội bộ năm {year}.";
            return Redirect($"/{Slug}/danh-gia/chuong-trinh/{year}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input." + (e.Field ?? "Year"), e.Message);
        }
        catch (DbUpdateException)
        {
            // Two people opening the same year at once: the unique index decides.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Year", $"Xã đã có chương trình đánh giá năm {Input.Year}.");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanAudit = await desk.CanAuditAsync();
        Rows = await db.Set<AuditProgramme>().AsNoTracking().OrderByDescending(p => p.Year)
            .Select(p => new Row(p.Year, p.Notes, p.Audits.Count(a => a.Status != AuditStatus.Cancelled), p.Audits.Count(a => a.Status == AuditStatus.Reported)))
            .ToListAsync(cancellationToken);
    }

    public sealed class CreateInput
    {
        [Display(Name = "Năm")]
        public int? Year { get; set; }

        [Display(Name = "Ghi chú")]
        public string? Notes { get; set; }
    }

    public sealed record Row(int Year, string? Notes, int Audits, int Reported);
}
