using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Reminders.Workspace;
using QmsPortal.Web.Features.Shared;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Commune;

/// <summary>A commune's public home page: who it is, where the one-stop desk is, and what it publishes.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(TenantContext tenant, CommuneAccess access, IOptions<CommuneNavigationOptions> navigation, MyWork work) : PageModel
{
    public TenantInfo Commune { get; private set; } = null!;
    public IReadOnlyList<CommuneNavItem> Sections { get; private set; } = [];
    public IReadOnlySet<CommuneRole> MyRoles { get; private set; } = new HashSet<CommuneRole>();

    /// <summary>What waits for the signed-in member here ("Việc của tôi"); null for anyone else.</summary>
    public MyWorkCount? MyWork { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        Commune = tenant.Current;
        Sections = navigation.Value.Items.OrderBy(i => i.Order).ToList();
        MyRoles = await access.RolesAsync();
        if (MyRoles.Count > 0 && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            MyWork = await work.CountAsync(Commune.Id, userId, MyRoles, HttpContext.RequestAborted);
        }

        return Page();
    }
}
