using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// Plans one audit of a year's programme: month, title, scope (issued documents, posted TTHC, clauses 4–10), lead
/// auditor and team from the commune's auditors. Who is responsible for the scope comes from the documents in it
/// (<see cref="ScopeLookup"/>); the programme refuses an auditor among them (independence, ISO 9001 9.2.2 c).
/// </summary>
[Authorize(Policy = CommunePolicies.Audit)]
public sealed class PlanModel(QmsDbContext db, TenantContext tenant, AuditDesk desk, ScopeLookup scopes) : PageModel
{
    /// <summary>Domain field names → the form fields they are shown beside.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["Team"] = "TeamIds" };

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public int Year { get; private set; }
    public IReadOnlyList<ScopeLookup.Item> Documents { get; private set; } = [];
    public IReadOnlyList<ScopeLookup.Item> Tthc { get; private set; } = [];
    public IReadOnlyList<AuditPerson> Auditors { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!await db.Set<AuditProgramme>().AnyAsync(p => p.Year == year, cancellationToken))
        {
            return NotFound();
        }

        var today = desk.Today;
        Input.Month = year == today.Year ? today.Month : 1;
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        var programme = await db.Set<AuditProgramme>().FirstOrDefaultAsync(p => p.Year == year, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var scope = AuditScope.Create(Input.DocumentCodes, Input.TthcCodes, Input.Clauses);
                await scopes.CheckAsync(scope, cancellationToken);
                var auditors = (await desk.AuditorsAsync(cancellationToken)).ToDictionary(p => p.UserId, StringComparer.Ordinal);
                var lead = Input.LeadAuditorId is { } leadId && auditors.TryGetValue(leadId, out var found) ? found
                    : throw new DomainException("Chọn trưởng đoàn trong số chuyên gia đánh giá nội bộ hoặc thư ký ISO của xã.", "LeadAuditorId");
                var team = Input.TeamIds.Select(id => auditors.TryGetValue(id, out var member) ? member
                    : throw new DomainException("Thành viên đoàn phải là chuyên gia đánh giá nội bộ hoặc thư ký ISO của xã.", "TeamIds")).ToList();
                var audit = programme.Plan(Input.Month ?? 0, Input.Title, scope, lead, team, await scopes.ResponsibleForScopeAsync(scope, cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = $"Đã lập kế hoạch cuộc đánh giá tháng {audit.Month}/{audit.Year}.";
                return Redirect($"/{Slug}/danh-gia/cuoc-danh-gia/{audit.Id}");
            }
            catch (DomainException e)
            {
                var field = e.Field is null ? "" : Fields.GetValueOrDefault(e.Field, e.Field);
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, e.Message);
            }
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        Documents = await scopes.IssuedDocumentsAsync(cancellationToken);
        Tthc = await scopes.PostedTthcAsync(cancellationToken);
        Auditors = await desk.AuditorsAsync(cancellationToken);
    }

    public sealed class PlanInput
    {
        [Display(Name = "Tháng")]
        public int? Month { get; set; }

        [Display(Name = "Tên cuộc đánh giá")]
        public string? Title { get; set; }

        public List<string> DocumentCodes { get; set; } = [];
        public List<string> TthcCodes { get; set; } = [];
        public List<string> Clauses { get; set; } = [];

        [Display(Name = "Trưởng đoàn")]
        public string? LeadAuditorId { get; set; }

        public List<string> TeamIds { get; set; } = [];
    }
}
