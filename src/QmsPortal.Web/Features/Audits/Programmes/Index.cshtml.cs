using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// The commune's audit records at a glance (members, platform admins, the province's auditors): the year's programme
/// month by month with each audit's state and due date, and how many findings, nonconformities and corrective
/// actions need attention. Each figure is one indexed count.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant, AuditDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public bool HasProgramme { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<Row> Audits { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int OpenFindings { get; private set; }
    public int OpenNonconformities { get; private set; }
    public int OverdueActions { get; private set; }
    public bool CanAudit { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = desk.Today;
        Year = YearQuery is >= 2000 and <= 2100 ? YearQuery.Value : Today.Year;
        CanAudit = await desk.CanAuditAsync();
        var year = Year;
        var programme = await db.Set<AuditProgramme>().AsNoTracking().Where(p => p.Year == year).Select(p => new { p.Id, p.Notes }).FirstOrDefaultAsync(cancellationToken);
        HasProgramme = programme is not null;
        Notes = programme?.Notes;
        Years = await db.Set<AuditProgramme>().AsNoTracking().Select(p => p.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (programme is not null)
        {
            Audits = await db.Set<Audit>().AsNoTracking().Where(a => a.ProgrammeId == programme.Id).OrderBy(a => a.Month).ThenBy(a => a.Id)
                .Select(a => new Row(a.Id, a.Year, a.Month, a.Title, a.Status, a.LeadAuditorName, a.OpeningMeetingOn, a.ClosingMeetingOn,
                    a.Answers.Count(x => x.Result == AnswerResult.Nonconform)))
                .ToListAsync(cancellationToken);
        }

        var today = Today;
        OpenFindings = await db.Set<Finding>().CountAsync(f => f.Status == FindingStatus.Open, cancellationToken);
        OpenNonconformities = await db.Set<Finding>().CountAsync(f => f.Status == FindingStatus.Open
            && (f.Grade == FindingGrade.MajorNonconformity || f.Grade == FindingGrade.MinorNonconformity), cancellationToken);
        OverdueActions = await db.Set<CorrectiveAction>().CountAsync(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today, cancellationToken);
    }

    public sealed record Row(int Id, int Year, int Month, string Title, AuditStatus Status, string Lead, DateOnly? OpenedOn, DateOnly? ClosedOn, int Nonconform)
    {
        /// <summary>As <see cref="Audit.DueDate"/>: the last day of the planned month.</summary>
        public DateOnly DueDate => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);

        public bool IsOverdue(DateOnly today) => Status is AuditStatus.Planned or AuditStatus.InProgress && DueDate < today;
    }
}
