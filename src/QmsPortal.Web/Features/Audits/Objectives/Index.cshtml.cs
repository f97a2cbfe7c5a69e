using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>The commune's quality objectives (ISO 9001 6.2) with each one's trend over twelve months (9.1).</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public IReadOnlyList<Card> Objectives { get; private set; } = [];
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = (await access.RolesAsync(cancellationToken)).Contains(CommuneRole.QualitySecretary);
        var today = VietnameseFormat.Today(clock);
        Months = await ObjectiveWindow.MonthsAsync(db, Year, null, today, cancellationToken);
        Years = await ObjectiveWindow.YearsAsync(db, null, cancellationToken);
        var objectives = await db.Set<QualityObjective>().AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Indicator, o.Unit, o.Target, o.Direction, o.Measure }).ToListAsync(cancellationToken);
        var (first, last) = (Months[0], Months[^1]);
        var values = await db.Set<ObjectiveValue>().AsNoTracking().Where(v => v.Month >= first && v.Month <= last)
            .Select(v => new { v.ObjectiveId, v.Month, v.Value, v.Source }).ToListAsync(cancellationToken);
        Objectives = objectives.Select(o => new Card(o.Id, o.Name, o.Indicator, o.Unit, o.Target, o.Direction, o.Measure,
            ObjectiveTrend.For(o.Id, o.Name, o.Unit, o.Target, o.Direction, Months,
                values.Where(v => v.ObjectiveId == o.Id).Select(v => (v.Month, v.Value, v.Source)).ToList()))).ToList();
    }

    public sealed record Card(int Id, string Name, string Indicator, string Unit, decimal Target, ObjectiveDirection Direction, DeskMeasure Measure, ObjectiveTrend Trend);
}
