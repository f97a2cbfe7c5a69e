using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Tenancy;

/// <summary>
/// What the signed-in user may do in the commune of this request. Memberships are read from the database
/// once per request (one indexed query), never cached in the cookie, so a removed member loses access at once.
/// </summary>
public sealed class CommuneAccess(IHttpContextAccessor http, TenantContext tenant, QmsDbContext db)
{
    private IReadOnlySet<CommuneRole>? _roles;
    private string? _supervisedProvince;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsPlatformAdmin => User.IsInRole(PlatformRoles.PlatformAdmin);

    public async Task<IReadOnlySet<CommuneRole>> RolesAsync(CancellationToken cancellationToken = default)
    {
        if (_roles is not null)
        {
            return _roles;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || tenant.TenantId is not { } tenantId)
        {
            return _roles = new HashSet<CommuneRole>();
        }

        var roles = await db.Memberships.Where(m => m.UserId == userId && m.TenantId == tenantId)
            .Select(m => m.Role).ToListAsync(cancellationToken);
        return _roles = roles.ToHashSet();
    }

    public async Task<bool> HasRoleAsync(params CommuneRole[] roles) =>
        IsPlatformAdmin || (await RolesAsync()).Overlaps(roles);

    /// <summary>Members, platform admins and the auditors of this commune's province may read internal records.</summary>
    public async Task<bool> CanReadInternalAsync()
    {
        if (IsPlatformAdmin || (await RolesAsync()).Count > 0)
        {
            return true;
        }

        return await SupervisesThisCommuneAsync();
    }

    /// <summary>A province auditor of this commune's province (they read its records and record the province's inspections).</summary>
    public async Task<bool> SupervisesThisCommuneAsync() =>
        tenant.Current is { } current && await SupervisedProvinceAsync() == current.ProvinceCode;

    private async Task<string?> SupervisedProvinceAsync()
    {
        if (_supervisedProvince is not null || !User.IsInRole(PlatformRoles.ProvinceAuditor))
        {
            return _supervisedProvince;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        _supervisedProvince = await db.Users.Where(u => u.Id == userId).Select(u => u.SupervisedProvinceCode).FirstOrDefaultAsync();
        return _supervisedProvince;
    }
}

/// <summary>Policy names for commune pages: <c>[Authorize(Policy = CommunePolicies.Member)]</c>.</summary>
public static class CommunePolicies
{
    /// <summary>Any member, a platform admin, or an auditor of the commune's province (read access).</summary>
    public const string Reader = "commune:reader";

    /// <summary>Any member of the commune (or a platform admin).</summary>
    public const string Member = "commune:member";

    public const string Manage = "commune:manage";
    public const string Author = "commune:author";
    public const string Approve = "commune:approve";
    public const string Audit = "commune:audit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser().AddRequirements(new CommuneRequirement(null, readOnly: true)));
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(new CommuneRequirement(null)));
        options.AddPolicy(Manage, p => p.RequireAuthenticatedUser().AddRequirements(new CommuneRequirement([CommuneRole.CommuneAdmin])));
        options.AddPolicy(Author, p => p.RequireAuthenticatedUser().AddRequirements(
            new CommuneRequirement([CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin])));
        options.AddPolicy(Approve, p => p.RequireAuthenticatedUser().AddRequirements(new CommuneRequirement([CommuneRole.Approver])));
        options.AddPolicy(Audit, p => p.RequireAuthenticatedUser().AddRequirements(
            new CommuneRequirement([CommuneRole.InternalAuditor, CommuneRole.QualitySecretary])));
    }
}

public sealed class CommuneRequirement(CommuneRole[]? roles, bool readOnly = false) : IAuthorizationRequirement
{
    public CommuneRole[]? Roles { get; } = roles;
    public bool ReadOnly { get; } = readOnly;
}

public sealed class CommuneRequirementHandler(CommuneAccess access, TenantContext tenant) : AuthorizationHandler<CommuneRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CommuneRequirement requirement)
    {
        if (tenant.Current is null)
        {
            return;
        }

        var allowed = requirement switch
        {
            { ReadOnly: true } => await access.CanReadInternalAsync(),
            { Roles: null } => access.IsPlatformAdmin || (await access.RolesAsync()).Count > 0,
            { Roles: var roles } => await access.HasRoleAsync(roles),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
