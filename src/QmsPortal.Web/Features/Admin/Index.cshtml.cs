using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Admin;

/// <summary>Every commune, active or not, for the platform administrator.</summary>
public sealed class IndexModel(QmsDbContext db) : PageModel
{
    public IReadOnlyList<Row> Communes { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    public string? Province { get; private set; }

    /// <summary>The reminder scheduler's lease row: when the last pass completed and what it did.</summary>
    public Reminders.Sending.SchedulerLease? ReminderPass { get; private set; }

    public async Task OnGetAsync(string? province, CancellationToken cancellationToken)
    {
        ReminderPass = await db.Set<Reminders.Sending.SchedulerLease>().AsNoTracking()
            .FirstOrDefaultAsync(l => l.Name == Reminders.Sending.ReminderLease.Name, cancellationToken);
        Province = province;
        Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrEmpty(province))
        {
            query = query.Where(t => t.ProvinceCode == province);
        }

        Communes = await query.OrderBy(t => t.Province!.Name).ThenBy(t => t.Name)
            .Select(t => new Row(t.Slug, t.Name, t.Code, t.Province!.Name, t.Theme, t.Status))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(string Slug, string Name, string Code, string Province, string Theme, TenantStatus Status);
}
