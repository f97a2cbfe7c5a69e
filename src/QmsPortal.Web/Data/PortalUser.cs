using Microsoft.AspNetCore.Identity;

namespace QmsPortal.Web.Data;

/// <summary>A signed-in person. Users are global; <see cref="Tenancy.TenantMembership"/> gives them communes.</summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>Chức vụ, printed in sign-off blocks (e.g. "Phó Chủ tịch UBND xã").</summary>
    public string? JobTitle { get; set; }

    /// <summary>For a ProvinceAuditor: the province whose communes they may read.</summary>
    public string? SupervisedProvinceCode { get; set; }
}
