using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>Citizens' reports on postings, newest first, for the commune's staff.</summary>
[Authorize(Policy = CommunePolicies.Member)]
public sealed class FeedbacksModel(QmsDbContext db) : PageModel
{
    public List<TthcFeedback> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.Set<TthcFeedback>().AsNoTracking().OrderByDescending(f => f.Id).Take(500).ToListAsync(cancellationToken);
}
