using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Account;

/// <summary>"Tài khoản của tôi": the communes the user belongs to, with the roles held in each.</summary>
[Authorize]
public sealed class IndexModel(QmsDbContext db, UserManager<PortalUser> users) : PageModel
{
    public PortalUser Me { get; private set; } = null!;
    public IReadOnlyList<string> PlatformRoleNames { get; private set; } = [];
    public IReadOnlyList<CommuneRow> Communes { get; private set; } = [];
    public string? SupervisedProvince { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> SupervisedCommunes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        PlatformRoleNames = [.. await users.GetRolesAsync(Me)];
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == Me.Id)
            .Select(m => new { m.Tenant!.Slug, m.Tenant.Name, Province = m.Tenant.Province!.Name, m.Tenant.Status, m.Role })
            .ToListAsync(cancellationToken);
        Communes = memberships.GroupBy(m => (m.Slug, m.Name, m.Province, m.Status))
            .Select(g => new CommuneRow(g.Key.Slug, g.Key.Name, g.Key.Province, g.Key.Status, g.Select(m => m.Role).Order().ToList()))
            .OrderBy(c => c.Name).ToList();
        if (Me.SupervisedProvinceCode is { } code && PlatformRoleNames.Contains(PlatformRoles.ProvinceAuditor))
        {
            SupervisedProvince = await db.Provinces.Where(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            SupervisedCommunes = (await db.Tenants.AsNoTracking().Where(t => t.ProvinceCode == code).OrderBy(t => t.Name)
                .Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Slug, t.Name)).ToList();
        }
    }

    public sealed record CommuneRow(string Slug, string Name, string Province, TenantStatus Status, IReadOnlyList<CommuneRole> Roles);
}
