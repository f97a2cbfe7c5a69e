using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits;

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

/// <summary>
/// What the audit record pages share: who is acting (as an <see cref="AuditPerson"/>), today's date in Viet Nam, what the
/// user may do, and the members a lead auditor, a team or an action owner are chosen from.
/// </summary>
public sealed class AuditDesk(QmsDbContext db, CommuneAccess access, TenantContext tenant, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The roles an auditor is chosen from (the issue: internal auditors and the ISO secretary).</summary>
    public static readonly CommuneRole[] AuditorRoles = [CommuneRole.InternalAuditor, CommuneRole.QualitySecretary];

    private FindingRights? _rights;

    public string Slug => tenant.Required.Slug;

    public DateOnly Today => VietnameseFormat.Today(clock);

    public DateTimeOffset Now => clock.GetUtcNow();

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Plans programmes and audits, keeps the question bank (InternalAuditor or QualitySecretary; a platform admin too).</summary>
    public Task<bool> CanAuditAsync() => access.HasRoleAsync(AuditorRoles);

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
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.FullName, u.Email, u.JobTitle }).SingleAsync();
        return new AuditPerson(id, user.FullName.Length > 0 ? user.FullName : user.Email ?? id, user.JobTitle);
    }

    /// <summary>Members of this commune holding an auditor role, by name: the people a lead auditor and a team are picked from.</summary>
    public Task<IReadOnlyList<AuditPerson>> AuditorsAsync(CancellationToken cancellationToken = default) => PeopleAsync(AuditorRoles, cancellationToken);

    /// <summary>The commune's members, by name: those who may own a corrective action.</summary>
    public Task<IReadOnlyList<AuditPerson>> MembersAsync(CancellationToken cancellationToken = default) => PeopleAsync(null, cancellationToken);

    private async Task<IReadOnlyList<AuditPerson>> PeopleAsync(CommuneRole[]? roles, CancellationToken cancellationToken)
    {
        // Memberships are platform data (not filtered by commune): the commune is named here.
        var tenantId = tenant.Required.Id;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenantId && (roles == null || roles.Contains(m.Role)))
            .Select(m => new { m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.UserId)
            .Select(r => new AuditPerson(r.UserId, r.FullName.Length > 0 ? r.FullName : r.Email ?? r.UserId, r.JobTitle))
            .OrderBy(p => p.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ToList();
    }
}
