using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using QmsPortal.Web.Features.Shared;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Commune;

/// <summary>A commune's public home page: who it is, where the one-stop desk is, and what it publishes.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(TenantContext tenant, CommuneAccess access, IOptions<CommuneNavigationOptions> navigation) : PageModel
{
    public TenantInfo Commune { get; private set; } = null!;
    public IReadOnlyList<CommuneNavItem> Sections { get; private set; } = [];
    public IReadOnlySet<CommuneRole> MyRoles { get; private set; } = new HashSet<CommuneRole>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (tenant.Current is null)
        {
            return NotFound();
        }

        Commune = tenant.Current;
        Sections = navigation.Value.Items.OrderBy(i => i.Order).ToList();
        MyRoles = await access.RolesAsync();
        return Page();
    }
}
