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

    /// <summary>
    /// For a ProvinceEditor: the province whose TTHC catalogue they maintain. A column of its own, not the auditor's,
    /// because the office that announces TTHC is not the one that inspects communes.
    /// </summary>
    public string? EditedProvinceCode { get; set; }

    /// <summary>
    /// The user confirmed an authenticator app (its key is Identity's authenticator key): signing then asks for a
    /// one-time code instead of the password. Not Identity's two-factor sign-in, which stays off.
    /// </summary>
    public bool SigningCodeEnabled { get; set; }

    /// <summary>The 30-second time step of the last one-time code accepted, so a code is never accepted twice.</summary>
    public long? LastSigningCodeStep { get; set; }

    /// <summary>The person turned the daily reminder digest off ("Tài khoản của tôi"); escalations still reach them.</summary>
    public bool ReminderDigestOff { get; set; }
}
