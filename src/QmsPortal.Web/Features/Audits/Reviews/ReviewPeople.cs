using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>A member of the commune with the roles they hold there.</summary>
public sealed record CommuneMember(string UserId, string Name, string? JobTitle, IReadOnlySet<CommuneRole> Roles)
{
    public AuditPerson Person => new(UserId, Name, JobTitle);

    public bool IsApprover => Roles.Contains(CommuneRole.Approver);

    public string Label => JobTitle is null ? Name : $"{Name} — {JobTitle}";
}

/// <summary>
/// Who takes part in reviews: the commune's members from their memberships (never a platform role: a platform
/// administrator may read the records but neither chairs nor confirms).
/// </summary>
internal static class ReviewPeople
{
    public static async Task<IReadOnlyList<CommuneMember>> MembersAsync(QmsDbContext db, int tenantId, CancellationToken cancellationToken = default)
    {
        // Memberships are platform data (not filtered by commune): the commune is named here.
        var rows = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId)
            .Select(m => new { m.UserId, m.Role, m.User!.FullName, m.User.Email, m.User.JobTitle })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId)
            .Select(g => new CommuneMember(g.Key, g.First().FullName.Length > 0 ? g.First().FullName : g.First().Email ?? g.Key, g.First().JobTitle,
                g.Select(r => r.Role).ToHashSet()))
            .OrderBy(m => m.Name, StringComparer.Create(Text.VietnameseFormat.Culture, false)).ToList();
    }

    public static async Task<CommuneMember?> MemberAsync(QmsDbContext db, int tenantId, string? userId, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(userId) ? null : (await MembersAsync(db, tenantId, cancellationToken)).FirstOrDefault(m => m.UserId == userId);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
