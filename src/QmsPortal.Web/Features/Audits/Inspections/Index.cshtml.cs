using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Findings;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Inspections;

/// <summary>The province's inspections of the commune, newest first, with the corrective report each one is waiting for.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, AuditDesk desk) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public DateOnly Today { get; private set; }
    public string Slug => desk.Slug;

    public sealed record Row(int Id, DateOnly InspectedOn, DateOnly MinutesDate, string Unit, bool OnSite, DateOnly ReportDueDate, DateOnly? ReportSubmittedOn,
        string? ReportReference, int Findings);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = desk.Today;
        CanRecord = (await desk.RightsAsync()).Inspect;
        Rows = await db.Set<ProvinceInspection>().AsNoTracking().OrderByDescending(i => i.MinutesDate).ThenByDescending(i => i.Id)
            .Select(i => new Row(i.Id, i.InspectedOn, i.MinutesDate, i.Unit, i.OnSite, i.ReportDueDate, i.ReportSubmittedOn, i.ReportReference,
                db.Set<Finding>().Count(f => f.InspectionId == i.Id)))
            .ToListAsync(cancellationToken);
    }
}
