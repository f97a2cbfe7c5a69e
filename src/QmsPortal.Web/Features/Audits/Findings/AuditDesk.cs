using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// What the signed-in user may do with findings, corrective actions and inspections of this commune. Internal auditors
/// raise findings; the quality secretary manages findings and actions; the secretary or an approver checks
/// effectiveness; a province auditor of the commune's province records inspections. Platform admins pass every check,
/// as with the commune's other policies.
/// </summary>
public sealed record FindingRights(string? UserId, bool IsMember, bool Raise, bool Manage, bool Check, bool Inspect)
{
    /// <summary>The owner reports their own action done (Staff included); the secretary may report it for them.</summary>
    public bool Complete(string ownerId) => Manage || (IsMember && UserId == ownerId);
}

/// <summary>Who acts, with which rights, who may own an action, and today's date in Viet Nam: what the finding and inspection pages share.</summary>
public sealed class AuditDesk(QmsDbContext db, CommuneAccess access, TenantContext tenant, IHttpContextAccessor http, TimeProvider clock)
{
    private FindingRights? _rights;

    public string Slug => tenant.Required.Slug;

    public DateOnly Today => VietnameseFormat.Today(clock);

    public DateTimeOffset Now => clock.GetUtcNow();

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<FindingRights> RightsAsync()
    {
        if (_rights is not null)
        {
            return _rights;
        }

        var roles = await access.RolesAsync();
        var admin = access.IsPlatformAdmin;
        var secretary = admin || roles.Contains(CommuneRole.QualitySecretary);
        return _rights = new FindingRights(
            UserId,
            roles.Count > 0,
            Raise: secretary || roles.Contains(CommuneRole.InternalAuditor),
            Manage: secretary,
            Check: secretary || roles.Contains(CommuneRole.Approver),
            Inspect: admin || await access.SupervisesThisCommuneAsync());
    }

    /// <summary>The signed-in user as an actor on the records (full name and job title as printed).</summary>
    public async Task<AuditPerson> ActorAsync()
    {
        var id = UserId ?? throw new InvalidOperationException("No signed-in user.");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.FullName, u.Email, u.JobTitle }).SingleAsync();
        return new AuditPerson(user.Id, user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id, user.JobTitle);
    }

    /// <summary>The commune's members, by name: those who may own a corrective action.</summary>
    public async Task<IReadOnlyList<AuditPerson>> MembersAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Required.Id;
        var users = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId)
            .Select(m => new { m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle }).Distinct().ToListAsync(cancellationToken);
        return users.Select(u => new AuditPerson(u.UserId, u.FullName.Length > 0 ? u.FullName : u.Email ?? u.UserId, u.JobTitle))
            .OrderBy(p => p.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ToList();
    }
}
