using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// Citizens' reports on postings, newest first, for the commune's staff. Those who raise findings turn a report into
/// one with a link to the audit records' new-finding page; a report taken up shows its finding's reference.
/// </summary>
[Authorize(Policy = CommunePolicies.Member)]
public sealed class FeedbacksModel(QmsDbContext db, CommuneAccess access, TenantContext tenant) : PageModel
{
    public List<TthcFeedback> Items { get; private set; } = [];
    public bool CanRaiseFinding { get; private set; }
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await db.Set<TthcFeedback>().AsNoTracking().OrderByDescending(f => f.Id).Take(500).ToListAsync(cancellationToken);
        CanRaiseFinding = await access.HasRoleAsync(CommuneRole.InternalAuditor, CommuneRole.QualitySecretary);
    }
}
