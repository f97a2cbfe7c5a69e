using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>The commune's management reviews, the decisions still open, the effectiveness confirmations, and when the next review is due.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class IndexModel(QmsDbContext db, TenantContext tenant, CommuneAccess access, TimeProvider clock) : PageModel
{
    /// <summary>A management review is held at least once a year (Quyết định 19/2014/QĐ-TTg).</summary>
    public const int ReviewIntervalMonths = 12;

    public IReadOnlyList<Row> Reviews { get; private set; } = [];
    public IReadOnlyList<OpenDecision> OpenDecisions { get; private set; } = [];
    public IReadOnlyList<EffectivenessConfirmation> Confirmations { get; private set; } = [];
    public DateOnly? NextDue { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanOpen { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = VietnameseFormat.Today(clock);
        CanOpen = (await access.RolesAsync(cancellationToken)).Overlaps([CommuneRole.QualitySecretary, CommuneRole.Approver]);
        Reviews = await db.Set<ManagementReview>().AsNoTracking().OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.HeldOn, r.PeriodFrom, r.PeriodTo, r.ChairName, r.Status, r.Actions.Count, r.Actions.Count(a => a.DoneOn != null)))
            .ToListAsync(cancellationToken);
        OpenDecisions = await db.Set<ReviewAction>().AsNoTracking().Where(a => a.DoneOn == null).OrderBy(a => a.DueDate)
            .Join(db.Set<ManagementReview>(), a => a.ReviewId, r => r.Id, (a, r) => new OpenDecision(r.Id, r.HeldOn, a.Text, a.OwnerName, a.DueDate))
            .ToListAsync(cancellationToken);
        Confirmations = await db.Set<EffectivenessConfirmation>().AsNoTracking().OrderByDescending(c => c.ConfirmedOn).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        NextDue = Reviews.Where(r => r.Status == ReviewStatus.Closed).Select(r => (DateOnly?)r.HeldOn.AddMonths(ReviewIntervalMonths)).FirstOrDefault();
    }

    public sealed record Row(int Id, DateOnly HeldOn, DateOnly PeriodFrom, DateOnly PeriodTo, string ChairName, ReviewStatus Status, int Decisions, int DecisionsDone);

    public sealed record OpenDecision(int ReviewId, DateOnly HeldOn, string Text, string OwnerName, DateOnly DueDate);
}
