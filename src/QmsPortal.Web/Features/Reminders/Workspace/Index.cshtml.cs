using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Reminders.Workspace;

/// <summary>"Việc của tôi": everything due in this commune that waits for the signed-in member, overdue first.</summary>
[Authorize(Policy = CommunePolicies.Member)]
public sealed class IndexModel(MyWork work, TenantContext tenant, CommuneAccess access) : PageModel
{
    public IReadOnlyList<MyWorkItem> Items { get; private set; } = [];
    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Items = await work.ListAsync(tenant.Required.Id, userId, await access.RolesAsync(cancellationToken), cancellationToken);
    }
}
