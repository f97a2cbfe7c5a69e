namespace QmsPortal.Web.Tenancy;

/// <summary>What a member may do in one commune (DESIGN.md, Tenancy).</summary>
public enum CommuneRole
{
    CommuneAdmin,
    QualitySecretary,
    Approver,
    Staff,
    InternalAuditor,
}

/// <summary>Roles that are not tied to one commune; stored as ASP.NET Core Identity roles.</summary>
public static class PlatformRoles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string ProvinceAuditor = nameof(ProvinceAuditor);

    /// <summary>Keeps one province's announced TTHC catalogue (<see cref="Data.PortalUser.EditedProvinceCode"/>).</summary>
    public const string ProvinceEditor = nameof(ProvinceEditor);

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, ProvinceAuditor, ProvinceEditor];
}

public static class CommuneRoleLabels
{
    public static string Label(CommuneRole role) => role switch
    {
        CommuneRole.CommuneAdmin => "Quản trị xã",
        CommuneRole.QualitySecretary => "Thư ký ISO",
        CommuneRole.Approver => "Lãnh đạo phê duyệt",
        CommuneRole.Staff => "Cán bộ, công chức",
        CommuneRole.InternalAuditor => "Chuyên gia đánh giá nội bộ",
        _ => role.ToString(),
    };

    public static string PlatformLabel(string role) => role switch
    {
        PlatformRoles.PlatformAdmin => "Quản trị hệ thống",
        PlatformRoles.ProvinceAuditor => "Kiểm tra viên cấp tỉnh",
        PlatformRoles.ProvinceEditor => "Biên tập danh mục TTHC cấp tỉnh",
        _ => role,
    };
}
