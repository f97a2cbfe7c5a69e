using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Commune;

public static class CommuneRegistration
{
    public static IServiceCollection AddCommune(this IServiceCollection services)
    {
        services.AddStaffNavItem("Thư đi", "thu-di", 85, CommunePolicies.Manage);
        services.AddStaffNavItem("Thành viên", "quan-tri/thanh-vien", 90, CommunePolicies.Manage);
        return services;
    }
}
