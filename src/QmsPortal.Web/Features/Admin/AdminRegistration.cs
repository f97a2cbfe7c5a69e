using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Admin;

public static class AdminRegistration
{
    /// <summary>Pages under Features/Admin are authorized for PlatformAdmin by folder (see PortalWebRegistration).</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddPlatformNavItem("Quản trị hệ thống", "/admin", 10, PortalWebRegistration.PlatformAdminPolicy);
        services.AddPlatformNavItem("Người dùng cấp tỉnh", "/admin/nguoi-dung-tinh", 12, PortalWebRegistration.PlatformAdminPolicy);
        services.AddPlatformNavItem("Thư đi (hệ thống)", "/admin/thu-di", 40, PortalWebRegistration.PlatformAdminPolicy);
        return services;
    }
}
