using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Search;

/// <summary>
/// The only place a <see cref="SearchScope"/> is made: from the signed-in person's roles, never from the request's
/// query string, so no typed text can widen what a search may return.
/// </summary>
/// <remarks>
/// Audiences in a commune:
/// <list type="bullet">
/// <item><see cref="SearchAudience.Public"/>: everyone.</item>
/// <item><see cref="SearchAudience.Readers"/>: whoever <see cref="CommuneAccess.CanReadInternalAsync"/> admits (members,
/// platform admins, auditors of the commune's province), as <c>CommunePolicies.Reader</c> does for the library.</item>
/// <item><see cref="SearchAudience.Members"/>: platform admins and anyone with a role in the commune
/// (<c>CommunePolicies.Member</c>); a province auditor is not a member.</item>
/// <item><see cref="SearchAudience.Drafters"/>: platform admins, quality secretaries and commune admins (they edit and
/// submit drafts: <c>CanAuthor</c> of Features/Documents/Document) and approvers (they act on submitted ones). The document
/// page also lists every revision to any reader, but search offers work in progress only to those whose work it is, so a
/// staff member's or an auditor's results hold what applies, not drafts.</item>
/// </list>
/// </remarks>
public sealed class SearchScopes(TenantContext tenant, CommuneAccess access, IHttpContextAccessor http, QmsDbContext db)
{
    private static readonly CommuneRole[] DraftRoles = [CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin, CommuneRole.Approver];

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The scope of the current request's commune for the current person.</summary>
    public async Task<SearchScope> ForCommuneAsync()
    {
        var commune = tenant.Required;
        var audiences = new HashSet<SearchAudience> { SearchAudience.Public };
        if (User.Identity?.IsAuthenticated != true)
        {
            return new SearchScope(commune.Id, null, audiences);
        }

        var roles = await access.RolesAsync();
        if (await access.CanReadInternalAsync())
        {
            audiences.Add(SearchAudience.Readers);
        }

        if (access.IsPlatformAdmin || roles.Count > 0)
        {
            audiences.Add(SearchAudience.Members);
        }

        if (access.IsPlatformAdmin || roles.Overlaps(DraftRoles))
        {
            audiences.Add(SearchAudience.Drafters);
        }

        return new SearchScope(commune.Id, null, audiences);
    }

    /// <summary>
    /// Every commune of a province, for an auditor of that province (what they may read: public and internal entries)
    /// or a platform admin (everything); null for anyone else.
    /// </summary>
    public async Task<SearchScope?> ForProvinceAsync(string provinceCode)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            return new SearchScope(null, provinceCode, Enum.GetValues<SearchAudience>().ToHashSet());
        }

        if (!User.IsInRole(PlatformRoles.ProvinceAuditor))
        {
            return null;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var supervised = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SupervisedProvinceCode).FirstOrDefaultAsync();
        return supervised is not null && supervised == provinceCode
            ? new SearchScope(null, provinceCode, new HashSet<SearchAudience> { SearchAudience.Public, SearchAudience.Readers })
            : null;
    }

    /// <summary>The province a province auditor supervises, for the link to their province search; null for anyone else.</summary>
    public async Task<string?> SupervisedProvinceAsync()
    {
        if (!User.IsInRole(PlatformRoles.ProvinceAuditor))
        {
            return null;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SupervisedProvinceCode).FirstOrDefaultAsync();
    }
}
