using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>The A4 minutes of a management review: inputs as frozen, the meeting's outputs, decisions, and who chaired and closed it.</summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class MinutesModel(QmsDbContext db, TenantContext tenant) : PageModel
{
    public ManagementReview Review { get; private set; } = null!;
    public ReviewInputs? Inputs { get; private set; }
    public IReadOnlyList<EffectivenessConfirmation> Confirmations { get; private set; } = [];
    public TenantInfo Commune => tenant.Required;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var review = await db.Set<ManagementReview>().AsNoTracking().Include(r => r.Actions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        Review = review;
        Inputs = ReviewInputs.FromJson(review.InputsSnapshot);
        Confirmations = await db.Set<EffectivenessConfirmation>().AsNoTracking().Where(c => c.ReviewId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return Page();
    }
}
