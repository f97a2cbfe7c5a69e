using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// What the audit pages share: who is acting (as an <see cref="AuditPerson"/>), today's date in Viet Nam, whether the
/// user may plan and perform audits, and which members may be chosen as auditors.
/// </summary>
public sealed class AuditDesk(QmsDbContext db, TenantContext tenant, CommuneAccess access, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The roles an auditor is chosen from (the issue: internal auditors and the ISO secretary).</summary>
    public static readonly CommuneRole[] AuditorRoles = [CommuneRole.InternalAuditor, CommuneRole.QualitySecretary];

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateOnly Today => Text.VietnameseFormat.Today(clock);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Plans programmes and audits, keeps the question bank (InternalAuditor or QualitySecretary; a platform admin too).</summary>
    public Task<bool> CanAuditAsync() => access.HasRoleAsync(AuditorRoles);

    public async Task<AuditPerson> ActorAsync()
    {
        var userId = UserId ?? throw new InvalidOperationException("No signed-in user.");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.FullName, u.Email, u.JobTitle }).SingleAsync();
        return new AuditPerson(userId, user.FullName.Length > 0 ? user.FullName : user.Email ?? userId, user.JobTitle);
    }

    /// <summary>Members of this commune holding an auditor role, by name: the people a lead auditor and a team are picked from.</summary>
    public async Task<IReadOnlyList<AuditPerson>> AuditorsAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Required.Id;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenantId && AuditorRoles.Contains(m.Role))
            .Select(m => new { m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.UserId)
            .Select(r => new AuditPerson(r.UserId, r.FullName.Length > 0 ? r.FullName : r.Email ?? r.UserId, r.JobTitle))
            .OrderBy(p => p.Name, StringComparer.Create(Text.VietnameseFormat.Culture, ignoreCase: true)).ToList();
    }
}
